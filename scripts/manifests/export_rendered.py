#!/usr/bin/env python3
"""Write the engine resources each example renders as vela-core would apply them.

Usage: export_rendered.py <vela dry-run output dir> <out dir> [<CRD dir>]

For every <example>.yaml (the raw `vela dry-run` output) writes <out>/<example>.yaml with one
document per object:
- the namespace is cleared on cluster-scoped objects (vela-core does the same before applying;
  the scope comes from the CRDs, or is known for the Crossplane cluster-scoped Table)
- strings that YAML 1.1 readers (kubectl, sigs.k8s.io/yaml) would take for booleans, such as the
  DynamoDB attribute type N, are quoted ("N"): vela prints them bare.
"""
import glob
import os
import sys

import yaml

AMBIGUOUS = {"y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
             "off", "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "~", "null"}


class SafeQuotingDumper(yaml.SafeDumper):
    pass


def _str(dumper, value):
    style = '"' if value in AMBIGUOUS else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


SafeQuotingDumper.add_representer(str, _str)


def cluster_scoped(crd_dir):
    kinds = {("dynamodb.aws.upbound.io", "Table")}
    if crd_dir and os.path.isdir(crd_dir):
        for path in glob.glob(os.path.join(crd_dir, "**/*.yaml"), recursive=True):
            for doc in yaml.safe_load_all(open(path)):
                if doc and doc.get("kind") == "CustomResourceDefinition" and doc["spec"]["scope"] == "Cluster":
                    kinds.add((doc["spec"]["group"], doc["spec"]["names"]["kind"]))
    return kinds


def main():
    src, out = sys.argv[1], sys.argv[2]
    scoped = cluster_scoped(sys.argv[3] if len(sys.argv) > 3 else "")
    os.makedirs(out, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(src, "*.yaml"))):
        objs = [d for d in yaml.safe_load_all(open(path)) if isinstance(d, dict) and "kind" in d]
        for obj in objs:
            group = obj["apiVersion"].rsplit("/", 1)[0] if "/" in obj["apiVersion"] else ""
            if (group, obj["kind"]) in scoped:
                obj.get("metadata", {}).pop("namespace", None)
        with open(os.path.join(out, os.path.basename(path)), "w") as f:
            f.write(f"# Rendered by `vela dry-run` from manifests/examples (scripts/manifests/check.sh --out)\n")
            yaml.dump_all(objs, f, Dumper=SafeQuotingDumper, sort_keys=False, explicit_start=True)


if __name__ == "__main__":
    main()
