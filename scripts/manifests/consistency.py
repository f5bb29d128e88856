#!/usr/bin/env python3
"""Consistency checks for manifests/ that vela itself cannot do (called by check.sh).

Usage: consistency.py <manifests dir> <dry-run output dir> [<CRD dir>]

Prints one line per check, `ok <what>` or `FAIL <what>: <why>`; exits 1 when any check failed.
- the Kratix request CRD (kratix/dynamodbrequest-crd.yaml) equals the Promise's spec.api
- the DynamoDBTable RGD declares exactly the contract's aws-dynamodb-kro fields
- every field an example writes into a KRO instance or a Kratix request is declared by its
  RGD schema / request CRD (an undeclared field is refused by the apiserver or silently pruned)
- every ComponentDefinition and TraitDefinition is used by at least one example
- catalog-info.yaml has one Component per example Application, with matching annotations
- with a CRD dir (the real CRDs of ACK, Crossplane, ...): every rendered engine resource
  validates against its CRD's OpenAPI schema (types, enums, required fields, unknown fields)
"""
import glob
import os
import sys

import yaml

# The aws-dynamodb-kro interface of the parameter contract (KroTableProperties in
# plugins/kubevela-common/src/application/types.ts).
CONTRACT_KRO_FIELDS = {
    "tableName", "region", "attributeDefinitions", "keySchema", "tags",
    "billingMode", "readCapacityUnits", "writeCapacityUnits",
    "ttlEnabled", "ttlAttributeName", "streamEnabled", "streamViewType",
    "sseEnabled", "sseType", "kmsMasterKeyId",
    "deletionProtectionEnabled", "pointInTimeRecoveryEnabled",
    "globalSecondaryIndexes", "localSecondaryIndexes",
    # adoption and keeping the table (AckAdoptionProperties in the same file)
    "adoptionPolicy", "deletionPolicy",
}
CONTRACT_INDEX_FIELDS = {"indexName", "keySchema", "projectionType", "nonKeyAttributes",
                         "readCapacityUnits", "writeCapacityUnits"}
CONTRACT_KRATIX_FIELDS = {
    "tableName", "region", "attributeDefinitions", "keySchema", "tags", "billingMode",
    "readCapacityUnits", "writeCapacityUnits", "ttlAttributeName", "streamViewType",
    "pointInTimeRecoveryEnabled", "deletionProtectionEnabled",
}

results = []


def ok(what):
    results.append(("ok", what))


def fail(what, why):
    results.append(("FAIL", f"{what}: {why}"))


def load_all(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d]


def check_kratix(m):
    crd = load_all(os.path.join(m, "kratix/dynamodbrequest-crd.yaml"))[0]
    promise = load_all(os.path.join(m, "kratix/promise.yaml"))[0]
    if promise["spec"]["api"] == crd:
        ok("kratix: promise.yaml spec.api equals dynamodbrequest-crd.yaml")
    else:
        fail("kratix", "promise.yaml spec.api differs from dynamodbrequest-crd.yaml")
    fields = set(crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["spec"]["properties"])
    if fields == CONTRACT_KRATIX_FIELDS:
        ok("kratix: DynamoDBRequest spec declares exactly the contract's fields")
    else:
        fail("kratix: DynamoDBRequest spec vs contract",
             f"missing {sorted(CONTRACT_KRATIX_FIELDS - fields)}, extra {sorted(fields - CONTRACT_KRATIX_FIELDS)}")
    return fields


def rgd_fields(path):
    rgd = load_all(path)[0]
    schema = rgd["spec"]["schema"]
    return rgd, set(schema["spec"]), schema.get("types", {})


def check_rgds(m):
    _, fields, types = rgd_fields(os.path.join(m, "kro/dynamodb-table.rgd.yaml"))
    if fields == CONTRACT_KRO_FIELDS:
        ok("kro: DynamoDBTable RGD declares exactly the contract's aws-dynamodb-kro fields")
    else:
        fail("kro: DynamoDBTable RGD vs contract",
             f"missing {sorted(CONTRACT_KRO_FIELDS - fields)}, extra {sorted(fields - CONTRACT_KRO_FIELDS)}")
    gsi = set(types.get("GlobalSecondaryIndex", {}))
    lsi = set(types.get("LocalSecondaryIndex", {}))
    if gsi == CONTRACT_INDEX_FIELDS and lsi == CONTRACT_INDEX_FIELDS - {"readCapacityUnits", "writeCapacityUnits"}:
        ok("kro: RGD index types match the contract's Index (LSIs without capacity)")
    else:
        fail("kro: RGD index types vs contract", f"GSI {sorted(gsi)}, LSI {sorted(lsi)}")
    _, simple, _ = rgd_fields(os.path.join(m, "kro/simple-dynamodb.rgd.yaml"))
    return {"DynamoDBTable": (fields, types), "SimpleDynamoDB": (simple, {})}


def rendered_objects(dry):
    for path in sorted(glob.glob(os.path.join(dry, "*.yaml"))):
        for obj in load_all(path):
            if isinstance(obj, dict) and "kind" in obj:
                yield os.path.basename(path), obj


def check_declared_fields(dry, rgds, kratix_fields):
    seen = set()
    for example, obj in rendered_objects(dry):
        kind = obj["kind"]
        spec = obj.get("spec", {})
        if kind in rgds:
            declared, types = rgds[kind]
            undeclared = sorted(set(spec) - declared)
            for key, typ in (("globalSecondaryIndexes", "GlobalSecondaryIndex"),
                             ("localSecondaryIndexes", "LocalSecondaryIndex")):
                for index in spec.get(key, []):
                    undeclared += [f"{key}[].{f}" for f in sorted(set(index) - set(types.get(typ, {})))]
        elif kind == "DynamoDBRequest":
            undeclared = sorted(set(spec) - kratix_fields)
        else:
            continue
        seen.add(kind)
        if undeclared:
            fail(f"{example}: {kind} fields declared by its schema", f"undeclared {undeclared}")
        else:
            ok(f"{example}: every {kind} field is declared by its schema")
    for kind in ("DynamoDBTable", "SimpleDynamoDB", "DynamoDBRequest"):
        if kind not in seen:
            fail(f"examples render a {kind}", "no example does")


def example_apps(m):
    apps = []
    for path in sorted(glob.glob(os.path.join(m, "examples/**/*.yaml"), recursive=True)):
        if os.path.basename(path) == "catalog-info.yaml":
            continue
        for doc in load_all(path):
            if doc.get("kind") == "Application":
                apps.append((os.path.relpath(path, m), doc))
    return apps


def check_coverage(m, apps):
    used = set()
    for _, app in apps:
        for comp in app["spec"]["components"]:
            used.add(comp["type"])
            for trait in comp.get("traits", []):
                used.add(trait["type"])
    defined = {os.path.basename(p)[:-4] for p in glob.glob(os.path.join(m, "definitions/*/*.cue"))}
    missing = sorted(defined - used)
    unknown = sorted(used - defined)
    if missing:
        fail("every definition is used by an example", f"unused: {missing}")
    else:
        ok(f"all {len(defined)} definitions are used by the examples")
    if unknown:
        fail("examples use only our definitions", f"unknown types: {unknown}")


def check_catalog(m, apps):
    path = os.path.join(m, "examples/catalog-info.yaml")
    if not os.path.exists(path):
        fail("examples/catalog-info.yaml", "missing")
        return
    entities = {}
    for doc in load_all(path):
        ann = doc.get("metadata", {}).get("annotations", {})
        if doc.get("kind") == "Component" and "app.oam.dev/name" in ann:
            entities[(ann.get("app.oam.dev/namespace"), ann["app.oam.dev/name"])] = doc
    problems = []
    for rel, app in apps:
        meta = app["metadata"]
        key = (meta.get("namespace", "default"), meta["name"])
        ent = entities.pop(key, None)
        if ent is None:
            problems.append(f"no Component for {rel}")
            continue
        want = meta.get("labels", {}).get("backstage.io/kubernetes-id", meta["name"])
        got = ent["metadata"]["annotations"].get("backstage.io/kubernetes-id")
        if got != want:
            problems.append(f"{ent['metadata']['name']}: backstage.io/kubernetes-id {got!r} != {want!r}")
    problems += [f"Component for missing Application {ns}/{n}" for ns, n in entities]
    if problems:
        fail("catalog-info.yaml matches the examples", "; ".join(problems))
    else:
        ok(f"catalog-info.yaml has one Component per example Application ({len(apps)})")


# --- minimal structural-schema validation (what the apiserver checks first) ---------------------
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def validate(value, schema, path, errors):
    if value is None:
        return
    if schema.get("x-kubernetes-int-or-string"):
        if not isinstance(value, (int, str)) or isinstance(value, bool):
            errors.append(f"{path}: want int or string")
        return
    typ = schema.get("type")
    if typ == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            errors.append(f"{path}: want integer, got {value!r}")
            return
    elif typ == "number":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            errors.append(f"{path}: want number, got {value!r}")
            return
    elif typ in TYPES and not isinstance(value, TYPES[typ]):
        errors.append(f"{path}: want {typ}, got {type(value).__name__}")
        return
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in {schema['enum']}")
    if isinstance(value, (int, float)) and "minimum" in schema and value < schema["minimum"]:
        errors.append(f"{path}: {value} < minimum {schema['minimum']}")
    if isinstance(value, list):
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{path}: more than {schema['maxItems']} items")
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append(f"{path}: fewer than {schema['minItems']} items")
        for i, item in enumerate(value):
            validate(item, schema.get("items", {}), f"{path}[{i}]", errors)
    if isinstance(value, dict):
        for req in schema.get("required", []):
            if req not in value and "default" not in schema.get("properties", {}).get(req, {}):
                errors.append(f"{path}.{req}: required")
        props = schema.get("properties")
        extra = schema.get("additionalProperties")
        for k, v in value.items():
            if props is not None and k in props:
                validate(v, props[k], f"{path}.{k}", errors)
            elif isinstance(extra, dict):
                validate(v, extra, f"{path}.{k}", errors)
            elif props is not None and not schema.get("x-kubernetes-preserve-unknown-fields") \
                    and not (path == "" and k in ("apiVersion", "kind", "metadata")):
                errors.append(f"{path}.{k}: unknown field")


def load_crd_schemas(crd_dirs):
    schemas = {}
    for d in crd_dirs:
        for path in glob.glob(os.path.join(d, "**/*.yaml"), recursive=True):
            for doc in load_all(path):
                if doc.get("kind") != "CustomResourceDefinition":
                    continue
                group, kind = doc["spec"]["group"], doc["spec"]["names"]["kind"]
                for v in doc["spec"]["versions"]:
                    schemas[(f"{group}/{v['name']}", kind)] = (v["schema"]["openAPIV3Schema"], doc["spec"]["scope"])
    return schemas


def check_against_crds(m, dry, crd_dir):
    schemas = load_crd_schemas([crd_dir, os.path.join(m, "kratix")])
    count = 0
    for example, obj in rendered_objects(dry):
        key = (obj.get("apiVersion"), obj["kind"])
        if key not in schemas:
            continue
        schema, scope = schemas[key]
        errors = []
        validate(obj, schema, "", errors)
        count += 1
        what = f"{example}: {obj['kind']} {obj['metadata'].get('name')} ({obj['apiVersion']}) matches its CRD"
        if errors:
            fail(what, "; ".join(errors[:8]))
        else:
            ok(what)
    # the platform manifests (ProviderConfigs, adoption examples, RGDs, Promise) against their CRDs
    paths = []
    for sub in ("engines", "kro", "kratix"):
        paths += glob.glob(os.path.join(m, sub, "**/*.yaml"), recursive=True)
    for path in sorted(paths):
        for obj in load_all(path):
            key = (obj.get("apiVersion"), obj.get("kind"))
            if key not in schemas:
                continue
            errors = []
            validate(obj, schemas[key][0], "", errors)
            what = f"{os.path.relpath(path, m)}: {obj['kind']} {obj['metadata']['name']} matches its CRD"
            if errors:
                fail(what, "; ".join(errors[:8]))
            else:
                ok(what)


def main():
    m, dry = sys.argv[1], sys.argv[2]
    crd_dir = sys.argv[3] if len(sys.argv) > 3 else ""
    kratix_fields = check_kratix(m)
    rgds = check_rgds(m)
    check_declared_fields(dry, rgds, kratix_fields)
    apps = example_apps(m)
    check_coverage(m, apps)
    check_catalog(m, apps)
    if crd_dir and os.path.isdir(crd_dir):
        check_against_crds(m, dry, crd_dir)
    else:
        print("skip CRD schema checks: no CRD dir (set CRDS_DIR)")
    for status, line in results:
        print(f"{status} {line}")
    return 1 if any(s == "FAIL" for s, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
