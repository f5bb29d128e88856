#!/usr/bin/env python3
"""Compare the ACK Table KRO created (JSON on stdin) with the KRO instance that asked for it
(YAML file argument): the Table's spec must be exactly what the instance's fields mean, with
the features that are off left out. Used by verify-live.sh. Prints a one-line summary."""
import json
import sys

import yaml

inst = yaml.safe_load(open(sys.argv[1]))
table = json.load(sys.stdin)
s, t = inst["spec"], table["spec"]
kind = inst["kind"]
errors = []


def expect(field, want):
    got = t.get(field)
    if got != want:
        errors.append(f"spec.{field}: got {got!r}, want {want!r}")


if kind == "SimpleDynamoDB":
    expect("tableName", s["tableName"])
    expect("attributeDefinitions", [{"attributeName": "id", "attributeType": "S"}])
    expect("keySchema", [{"attributeName": "id", "keyType": "HASH"}])
    expect("billingMode", "PAY_PER_REQUEST")
    want_region = s.get("region", "us-west-2")
else:
    provisioned = s.get("billingMode", "PAY_PER_REQUEST") == "PROVISIONED"
    expect("tableName", s["tableName"])
    expect("attributeDefinitions", s["attributeDefinitions"])
    expect("keySchema", s["keySchema"])
    expect("billingMode", s.get("billingMode", "PAY_PER_REQUEST"))
    expect("provisionedThroughput", {"readCapacityUnits": s["readCapacityUnits"],
                                     "writeCapacityUnits": s["writeCapacityUnits"]} if provisioned else None)
    tags = s.get("tags") or {}
    got_tags = {x["key"]: x["value"] for x in t.get("tags") or []}
    if got_tags != tags or (not tags and "tags" in t):
        errors.append(f"spec.tags: got {t.get('tags')!r}, want {tags!r}")
    expect("timeToLive", {"enabled": True, "attributeName": s["ttlAttributeName"]} if s.get("ttlEnabled") else None)
    expect("streamSpecification", {"streamEnabled": True, "streamViewType": s.get("streamViewType", "NEW_AND_OLD_IMAGES")}
           if s.get("streamEnabled") else None)
    sse = None
    if s.get("sseEnabled"):
        sse = {"enabled": True, "sseType": s.get("sseType", "KMS")}
        if "kmsMasterKeyId" in s:
            sse["kmsMasterKeyID"] = s["kmsMasterKeyId"]
    expect("sseSpecification", sse)
    expect("continuousBackups", {"pointInTimeRecoveryEnabled": bool(s.get("pointInTimeRecoveryEnabled"))})
    expect("deletionProtectionEnabled", bool(s.get("deletionProtectionEnabled")))
    gsis = []
    for i in s.get("globalSecondaryIndexes") or []:
        g = {"indexName": i["indexName"], "keySchema": i["keySchema"],
             "projection": {"projectionType": i.get("projectionType", "ALL")}}
        if "nonKeyAttributes" in i:
            g["projection"]["nonKeyAttributes"] = i["nonKeyAttributes"]
        if "readCapacityUnits" in i:
            g["provisionedThroughput"] = {"readCapacityUnits": i["readCapacityUnits"], "writeCapacityUnits": i["writeCapacityUnits"]}
        elif provisioned:
            g["provisionedThroughput"] = {"readCapacityUnits": s["readCapacityUnits"], "writeCapacityUnits": s["writeCapacityUnits"]}
        gsis.append(g)
    expect("globalSecondaryIndexes", gsis or None)
    lsis = []
    for i in s.get("localSecondaryIndexes") or []:
        l = {"indexName": i["indexName"], "keySchema": i["keySchema"],
             "projection": {"projectionType": i.get("projectionType", "ALL")}}
        if "nonKeyAttributes" in i:
            l["projection"]["nonKeyAttributes"] = i["nonKeyAttributes"]
        lsis.append(l)
    expect("localSecondaryIndexes", lsis or None)
    want_region = s.get("region", "us-west-2")

region = table["metadata"].get("annotations", {}).get("services.k8s.aws/region")
if region != want_region:
    errors.append(f"region annotation: got {region!r}, want {want_region!r}")

annotations = table["metadata"].get("annotations", {})
want_adoption = {}
if s.get("adoptionPolicy"):
    want_adoption["services.k8s.aws/adoption-policy"] = s["adoptionPolicy"]
    want_adoption["services.k8s.aws/adoption-fields"] = json.dumps({"tableName": s["tableName"]})
if s.get("deletionPolicy"):
    want_adoption["services.k8s.aws/deletion-policy"] = s["deletionPolicy"]
got_adoption = {k: v for k, v in annotations.items()
                if k in ("services.k8s.aws/adoption-policy", "services.k8s.aws/adoption-fields",
                         "services.k8s.aws/deletion-policy")}
if got_adoption != want_adoption:
    errors.append(f"adoption annotations: got {got_adoption!r}, want {want_adoption!r}")

if errors:
    print("; ".join(errors))
    sys.exit(1)
present = sorted(k for k in t if k not in ("tableName", "attributeDefinitions", "keySchema", "billingMode"))
print("spec fields: " + (", ".join(present) or "keys and billing only"))
