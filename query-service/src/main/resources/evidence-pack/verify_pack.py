#!/usr/bin/env python3
"""Verifies a Lead Ledger evidence pack offline, with the Python 3 standard library only (see VERIFY.md).

Usage: python3 verify_pack.py [PACK_DIRECTORY]       (default: the current directory)
Prints every problem found, each starting with the file it concerns, and exits 1; prints OK and exits 0 when
every check passes. Signatures are checked with openssl (VERIFY.md), since Python has no Ed25519.
"""
import base64
import hashlib
import json
import os
import struct
import sys

ZERO = "00" * 32
problems = []


def problem(path, message):
    problems.append(f"{path}: {message}")


def read(root, path):
    with open(os.path.join(root, path), "rb") as f:
        return f.read()


def content(root, path):
    try:
        return read(root, path)
    except OSError as e:
        problem(path, f"cannot be read ({e})")
        return None


def load_json(root, path):
    try:
        return json.loads(read(root, path).decode("utf-8"))
    except (OSError, ValueError) as e:
        problem(path, f"cannot be read as JSON ({e})")
        return None


def sha256(data):
    return hashlib.sha256(data).digest()


def field(data):
    """One field of a canonical form: a 4-byte big-endian length, then the bytes."""
    return struct.pack(">I", len(data)) + data


def check_manifest(root):
    """Every file is listed in MANIFEST.sha256 with its SHA-256, and every listed file is there unchanged."""
    listed = set()
    try:
        lines = read(root, "MANIFEST.sha256").decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        problem("MANIFEST.sha256", f"cannot be read ({e})")
        return
    for number, line in enumerate(lines, 1):
        digest, sep, path = line.partition("  ")
        if not sep or len(digest) != 64:
            problem("MANIFEST.sha256", f"line {number} is not '<sha256>  <file>'")
            continue
        listed.add(path)
        if not os.path.isfile(os.path.join(root, path)):
            problem("MANIFEST.sha256", f"line {number} names {path}, which is not in the pack")
        elif hashlib.sha256(read(root, path)).hexdigest() != digest:
            problem(path, f"its SHA-256 is not the one MANIFEST.sha256 records for it (line {number})")
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            if path != "MANIFEST.sha256" and path not in listed:
                problem(path, "is not listed in MANIFEST.sha256")


def check_event(root, folder):
    """eventHash = SHA-256(previousHash || canonical), canonical as docs/audit.md defines it; returns the link."""
    envelope = load_json(root, folder + "/envelope.json")
    link = load_json(root, folder + "/link.json")
    if envelope is None or link is None:
        return None
    try:
        payload = read(root, folder + "/payload.json")
        metadata = read(root, folder + "/metadata.json")
        texts = [envelope["eventId"], envelope["aggregateId"], str(envelope["sequenceNumber"]),
                 envelope["aggregateType"], envelope["payloadType"], envelope["payloadRevision"] or "",
                 envelope["timestamp"]]
        canonical = b"".join(field((t or "").encode("utf-8")) for t in texts) + field(payload) + field(metadata)
        computed = sha256(bytes.fromhex(link["previousHash"]) + canonical).hex()
    except (KeyError, TypeError, ValueError, OSError) as e:
        problem(folder + "/envelope.json", f"or link.json is incomplete ({e})")
        return None
    if computed != link["eventHash"]:
        problem(folder + "/payload.json", "the event hash recomputed from envelope.json, payload.json and "
                                          f"metadata.json is {computed}, not link.json's {link['eventHash']}")
        return None
    return link


def check_proof(root, folder, link, checkpoints):
    """The RFC 6962 audit path leads from the event's leaf to its checkpoint's Merkle root (RFC 9162, 2.1.3.2)."""
    path = folder + "/proof.json"
    proof = load_json(root, path)
    if proof is None:
        return
    checkpoint = checkpoints.get(proof.get("checkpoint"))
    if checkpoint is None:
        problem(path, f"names checkpoint {proof.get('checkpoint')}, which is not in the pack")
        return
    if proof.get("globalIndex") != link["globalIndex"] or proof.get("treeSize") != checkpoint["eventCount"]:
        problem(path, "its global index or tree size is not the event's or the checkpoint's")
        return
    leaf = sha256(b"\x00" + struct.pack(">Q", link["globalIndex"]) + bytes.fromhex(link["eventHash"]))
    fn, sn, r = proof["leafIndex"], proof["treeSize"] - 1, leaf
    try:
        for sibling in (bytes.fromhex(h) for h in proof["auditPath"]):
            if sn == 0:
                raise ValueError("path too long")
            if fn & 1 or fn == sn:
                r = sha256(b"\x01" + sibling + r)
                while not fn & 1 and fn != 0:
                    fn, sn = fn >> 1, sn >> 1
            else:
                r = sha256(b"\x01" + r + sibling)
            fn, sn = fn >> 1, sn >> 1
    except (ValueError, TypeError) as e:
        problem(path, f"is not a valid audit path ({e})")
        return
    if sn != 0 or r.hex() != checkpoint["merkleRoot"]:
        problem(path, f"does not lead to the Merkle root of checkpoint {checkpoint['number']}")


def inclusion_root(leaf, index, size, path):
    """The root an RFC 6962 audit path leads to from a leaf (RFC 9162, 2.1.3.2); None if it cannot."""
    fn, sn, r = index, size - 1, leaf
    for sibling in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = sha256(b"\x01" + sibling + r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = sha256(b"\x01" + r + sibling)
        fn, sn = fn >> 1, sn >> 1
    return r if sn == 0 else None


def check_signed_tree_head(root, pack, links):
    """The signed checkpoint: its text is the signed one, and each event's proof leads to its tree's root."""
    folder = pack.get("signedTreeHead")
    if not folder:
        print("NOTE: no signed checkpoint covers these events yet (ask for a new pack later)")
        return
    c = load_json(root, folder + "/checkpoint.json")
    if c is None:
        return
    check_checkpoint(folder + "/checkpoint.json", c)
    text = "\n".join(["leadledger-tree-head-v1", f"checkpoint={c.get('number')}", f"lastIndex={c.get('lastIndex')}",
                      f"treeSize={c.get('treeSize')}", f"rootHash={c.get('rootHash')}",
                      f"checkpointHash={c.get('checkpointHash')}", f"keyId={c.get('keyId')}"])
    if content(root, folder + "/tree-head.txt") != text.encode("utf-8"):
        problem(folder + "/tree-head.txt", "is not the signed text of checkpoint.json's tree head")
    try:
        if content(root, folder + "/tree-head.sig") != base64.b64decode(c.get("signature") or "", validate=True):
            problem(folder + "/tree-head.sig", "is not checkpoint.json's signature")
    except ValueError as e:
        problem(folder + "/checkpoint.json", f"has no valid signature ({e})")
    if content(root, folder + "/key.pem") != content(root, f"keys/{c.get('keyId')}.pem"):
        problem(folder + "/key.pem", f"is not the published key {c.get('keyId')}")
    for event_folder, link in links.items():
        path = event_folder + "/inclusion.json"
        proof = load_json(root, path)
        if proof is None:
            continue
        try:
            leaf = sha256(b"\x00" + bytes.fromhex(link["eventHash"]))
            computed = inclusion_root(leaf, proof["leafIndex"], c["treeSize"],
                                      [bytes.fromhex(h) for h in proof["auditPath"]])
        except (KeyError, TypeError, ValueError) as e:
            problem(path, f"is not a valid inclusion proof ({e})")
            continue
        if proof.get("eventHash") != link["eventHash"] or computed is None or computed.hex() != c["rootHash"]:
            problem(path, f"does not lead from the event to the root of signed checkpoint {c['number']}")


def check_checkpoint(path, c):
    """checkpointHash = SHA-256 of the canonical form of docs/audit.md ("Checkpoints over all events")."""
    try:
        texts = ["leadledger-checkpoint-v1", str(c["number"]), str(c["firstIndex"]), str(c["lastIndex"]),
                 str(c["eventCount"]), ",".join(str(g) for g in c["gaps"])]
        canonical = b"".join(field(t.encode("utf-8")) for t in texts)
        canonical += field(bytes.fromhex(c["merkleRoot"])) + field(bytes.fromhex(c["previousHash"]))
        if sha256(canonical).hex() != c["checkpointHash"]:
            problem(path, "its checkpointHash is not the hash of its fields")
    except (KeyError, TypeError, ValueError) as e:
        problem(path, f"is incomplete ({e})")


def check_keys(root, files):
    """Each PEM holds the same Ed25519 public key as its entry in keys/jwks.json (an X.509 SubjectPublicKeyInfo)."""
    jwks = load_json(root, "keys/jwks.json") or {"keys": []}
    for key in jwks.get("keys", []):
        path = f"keys/{key.get('kid')}.pem"
        if path not in files:
            problem("keys/jwks.json", f"key {key.get('kid')} has no {path}")
            continue
        try:
            body = "".join(l for l in read(root, path).decode("ascii").splitlines() if not l.startswith("-----"))
            der = base64.b64decode(body, validate=True)
            x = base64.urlsafe_b64decode(key["x"] + "=" * (-len(key["x"]) % 4))
        except (ValueError, KeyError, UnicodeDecodeError) as e:
            problem(path, f"cannot be read ({e})")
            continue
        if der != bytes.fromhex("302a300506032b6570032100") + x:
            problem(path, "is not the Ed25519 key keys/jwks.json publishes for it")


def main(root):
    check_manifest(root)
    pack = load_json(root, "pack.json")
    if pack is None or pack.get("format") != "leadledger-evidence-pack-v1":
        problem("pack.json", "is not a leadledger-evidence-pack-v1 description")
        return report()
    checkpoints = {}
    for path in pack["checkpoints"]:
        c = load_json(root, path)
        if c is not None:
            check_checkpoint(path, c)
            checkpoints[c.get("number")] = c
    links = {}
    folders = pack["events"] + sorted(pack["policies"].values())
    for folder in folders:
        link = check_event(root, folder)
        if link is None:
            continue
        links[folder] = link
        if os.path.isfile(os.path.join(root, folder, "proof.json")):
            check_proof(root, folder, link, checkpoints)
        elif folder not in pack["eventsWithoutProof"]:
            problem(folder + "/proof.json", "is missing")
    for stream in pack["streams"]:
        previous = ZERO
        for sequence in range(stream["events"]):
            folder = f"events/{stream['aggregateId']}/{sequence}"
            if folder not in links:
                problem(folder, "is missing or does not verify, so its stream's chain is broken there")
                break
            if links[folder]["previousHash"] != previous:
                problem(folder + "/link.json", "its previousHash is not the previous event's hash")
            previous = links[folder]["eventHash"]
    for version, folder in pack["policies"].items():
        payload = load_json(root, folder + "/payload.json")
        if payload is not None and str(payload.get("version")) != version:
            problem(folder + "/payload.json", f"does not publish policy version {version}")
    event_ids = set()
    for folder in folders:
        envelope = load_json(root, folder + "/envelope.json")
        if envelope is not None:
            event_ids.add(envelope.get("eventId"))
    for path in pack["decisions"]:
        decision = load_json(root, path)
        if decision is None:
            continue
        if decision.get("eventId") not in event_ids:
            problem(path, f"cites event {decision.get('eventId')}, which is not in the pack")
        version = decision.get("policyVersion")
        if version is not None and str(version) not in pack["policies"]:
            problem(path, f"cites policy version {version}, which is not in the pack")
    check_keys(root, set(pack["keys"]))
    check_signed_tree_head(root, pack, links)
    if pack["eventsWithoutProof"]:
        print("NOTE: no checkpoint covers these events yet (ask for a new pack later): "
              + ", ".join(pack["eventsWithoutProof"]))
    return report(len(folders), len(checkpoints))


def report(events=0, checkpoints=0):
    if problems:
        print("FAILED:")
        for line in problems:
            print("  " + line)
        return 1
    print(f"OK: {events} events, their chains and proofs, {checkpoints} checkpoints, keys and manifest verified")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
    except (KeyError, TypeError, AttributeError) as e:
        problem("pack.json", f"does not describe the pack's files ({e!r})")
        sys.exit(report())
