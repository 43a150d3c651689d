#!/usr/bin/env python3
"""N small Glossary documents in one file, each with one finding: a related term that no
glossary defines, so every document asks for a "did you mean" among all the terms of the
run. The shape in which validate once took time in the square of the documents.

usage: gen_many_documents.py N FILE"""
import sys

n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as out:
    for i in range(n):
        out.write(f"---\napiVersion: alignkit/v1\nkind: Glossary\nmetadata:\n  name: g{i}\nspec:\n  terms:\n"
                  f"    - term: T{i}\n      definition: A term.\n      owner: marketing\n"
                  f"      related: [Nope{i}]\n")
