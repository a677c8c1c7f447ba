#!/usr/bin/env python3
"""Makes kubernetes-1.35.0-definitions.json from Kubernetes' published OpenAPI v2 document (swagger.json):
keeps "definitions" only (no paths), drops every "description" (documentation, not schema), sorts keys.
Nothing else changes, so every constraint of the published document is kept. See README.md beside it.

    python3 trim-swagger.py swagger.json > kubernetes-1.35.0-definitions.json
"""
import json
import sys


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


with open(sys.argv[1], encoding="utf-8") as f:
    published = json.load(f)
json.dump({"info": published["info"], "definitions": strip(published["definitions"])}, sys.stdout, indent=1, sort_keys=True)
sys.stdout.write("\n")
