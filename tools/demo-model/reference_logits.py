"""Logits of the trained demo model for given token ids, as the reference the Java engine must reproduce.

PyTorch evaluates train.py's own model definition in float64, with every matrix rounded to float16 first
(the F16 GGUF holds exactly those values; vectors such as norms stay float32 there too), so the engine's
logits should match to float32 rounding. Output: little-endian float32, one row of vocab_size logits per
token.

    /usr/bin/python3 tools/demo-model/reference_logits.py tools/demo-model/out --tokens 1,2,3 --out FILE
"""
import argparse
import json
import os
import struct
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train  # noqa: E402  (the model definition)


def read_safetensors(path):
    with open(path, "rb") as f:
        header_size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(header_size))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            raise ValueError(f"{path}: {name} is {info['dtype']}, expected F32")
        start, end = info["data_offsets"]
        tensors[name] = torch.frombuffer(bytearray(data[start:end]), dtype=torch.float32).reshape(info["shape"])
    return tensors


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("checkpoint")
    ap.add_argument("--tokens", required=True, help="comma-separated token ids")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    with open(os.path.join(args.checkpoint, "config.json")) as f:
        config = json.load(f)
    model = train.DeepseekV3(config)
    state = {}
    for name, t in read_safetensors(os.path.join(args.checkpoint, "model.safetensors")).items():
        key = name[len("model."):] if name.startswith("model.") else name
        state[key] = t.half().float() if t.dim() >= 2 else t
    model.load_state_dict(state)
    model = model.double().eval()

    ids = [int(t) for t in args.tokens.split(",")]
    with torch.no_grad():
        logits = model(torch.tensor([ids]))[0].float()
    with open(args.out, "wb") as f:
        f.write(logits.contiguous().numpy().astype("<f4").tobytes())
    print(f"wrote {len(ids)} x {logits.shape[1]} logits to {args.out}")


if __name__ == "__main__":
    main()
