#!/usr/bin/env python3
"""Trains deepseek4j's bundled demo model: a tiny DeepSeek-V3-architecture model on tiny Shakespeare.

Reproducible (fixed seeds, fixed step count, 2 threads). Writes a Hugging Face style checkpoint:
config.json (DeepseekV3 field names), model.safetensors (DeepseekV3 parameter names), tokenizer.json,
tokenizer_config.json (with a chat template). See README.md beside this file.
"""
import argparse
import json
import math
import os
import struct
import time
from collections import Counter, defaultdict

import regex
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))

BOS, EOS = "<｜begin▁of▁sentence｜>", "<｜end▁of▁sentence｜>"
USER, ASSISTANT = "<｜User｜>", "<｜Assistant｜>"
SPECIALS = [BOS, EOS, USER, ASSISTANT]

CONFIG = dict(
    architectures=["DeepseekV3ForCausalLM"], model_type="deepseek_v3",
    vocab_size=2048, hidden_size=256, intermediate_size=768, moe_intermediate_size=128,
    num_hidden_layers=4, first_k_dense_replace=1, n_routed_experts=8, n_shared_experts=1,
    num_experts_per_tok=2, n_group=1, topk_group=1, topk_method="noaux_tc", scoring_func="sigmoid",
    norm_topk_prob=True, routed_scaling_factor=1.0, num_attention_heads=4, num_key_value_heads=4,
    q_lora_rank=128, kv_lora_rank=64, qk_nope_head_dim=32, qk_rope_head_dim=16, v_head_dim=32,
    hidden_act="silu", rms_norm_eps=1e-6, rope_theta=10000.0, rope_scaling=None,
    max_position_embeddings=512, tie_word_embeddings=False, num_nextn_predict_layers=0,
    bos_token_id=0, eos_token_id=1, torch_dtype="float32", attention_bias=False,
)

CHAT_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}"
    "{% if message['role'] == 'system' %}{{ message['content'] }}"
    "{% elif message['role'] == 'user' %}{{ '<｜User｜>' + message['content'] }}"
    "{% elif message['role'] == 'assistant' %}{{ '<｜Assistant｜>' + message['content'] + '<｜end▁of▁sentence｜>' }}"
    "{% endif %}{% endfor %}{% if add_generation_prompt %}{{ '<｜Assistant｜>' }}{% endif %}"
)


# ---------------------------------------------------------------- tokenizer

def bytes_to_unicode():
    """GPT-2's byte-to-unicode map: every byte becomes a visible character."""
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAC + 1)) + list(range(0xAE, 0xFF + 1))
    chars, extra = {}, 0
    for b in range(256):
        if b in keep:
            chars[b] = chr(b)
        else:
            chars[b] = chr(256 + extra)
            extra += 1
    return chars


def pre_tokenizer_spec():
    """DeepSeek-V3's own pre-tokenizer (the Split rules of its tokenizer.json), reused as data."""
    with open(os.path.join(SHARED, "tokenizer", "deepseek-v3-hf", "tokenizer.json"), encoding="utf-8") as f:
        spec = json.load(f)
    return spec["pre_tokenizer"], spec["decoder"]


def split_words(text, pre):
    """Applies the Split rules ("Isolated": matches and the text between them are both pieces)."""
    pieces = [text]
    for rule in pre["pretokenizers"]:
        if rule["type"] != "Split":
            continue
        pattern = regex.compile(rule["pattern"]["Regex"])
        out = []
        for piece in pieces:
            last = 0
            for m in pattern.finditer(piece):
                if m.start() > last:
                    out.append(piece[last:m.start()])
                if m.end() > m.start():
                    out.append(m.group())
                last = m.end()
            if last < len(piece):
                out.append(piece[last:])
        pieces = out
    return pieces


def train_bpe(words, n_merges):
    """Byte-level BPE: repeatedly merges the most frequent adjacent pair (ties: lexicographically smallest)."""
    seqs = {w: list(w) for w in words}
    pair_counts = Counter()
    where = defaultdict(set)
    for w, n in words.items():
        s = seqs[w]
        for a, b in zip(s, s[1:]):
            pair_counts[(a, b)] += n
            where[(a, b)].add(w)
    merges = []
    for _ in range(n_merges):
        if not pair_counts:
            break
        best = min(pair_counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        merges.append(best)
        joined = best[0] + best[1]
        for w in list(where.pop(best, ())):
            s, n = seqs[w], words[w]
            for a, b in zip(s, s[1:]):
                pair_counts[(a, b)] -= n
                if pair_counts[(a, b)] <= 0:
                    del pair_counts[(a, b)]
            merged, i = [], 0
            while i < len(s):
                if i + 1 < len(s) and (s[i], s[i + 1]) == best:
                    merged.append(joined)
                    i += 2
                else:
                    merged.append(s[i])
                    i += 1
            seqs[w] = merged
            for a, b in zip(merged, merged[1:]):
                pair_counts[(a, b)] += n
                where[(a, b)].add(w)
    return merges


def encode_word(word, ranks, cache):
    if word in cache:
        return cache[word]
    s = list(word)
    while len(s) > 1:
        pairs = [(ranks.get((a, b), math.inf), i) for i, (a, b) in enumerate(zip(s, s[1:]))]
        rank, i = min(pairs)
        if rank == math.inf:
            break
        s = s[:i] + [s[i] + s[i + 1]] + s[i + 2:]
    cache[word] = s
    return s


# ---------------------------------------------------------------- model

class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope(x, pos, base):
    """Rotates adjacent pairs (x[2i], x[2i+1]) by pos * base^(-2i/d): GGUF's "normal" rope."""
    d = x.shape[-1]
    inv = base ** (-torch.arange(0, d, 2, dtype=torch.float32) / d)
    theta = pos[:, None].float() * inv[None, :]
    cos, sin = theta.cos(), theta.sin()
    a, b = x[..., 0::2], x[..., 1::2]
    return torch.stack((a * cos - b * sin, a * sin + b * cos), dim=-1).flatten(-2)


class Attention(nn.Module):
    """Multi-head latent attention with q LoRA and a compressed KV (expanded form, for training)."""

    def __init__(self, c):
        super().__init__()
        self.c = c
        h, nope, rp, v = c["num_attention_heads"], c["qk_nope_head_dim"], c["qk_rope_head_dim"], c["v_head_dim"]
        self.q_a_proj = nn.Linear(c["hidden_size"], c["q_lora_rank"], bias=False)
        self.q_a_layernorm = RMSNorm(c["q_lora_rank"], c["rms_norm_eps"])
        self.q_b_proj = nn.Linear(c["q_lora_rank"], h * (nope + rp), bias=False)
        self.kv_a_proj_with_mqa = nn.Linear(c["hidden_size"], c["kv_lora_rank"] + rp, bias=False)
        self.kv_a_layernorm = RMSNorm(c["kv_lora_rank"], c["rms_norm_eps"])
        self.kv_b_proj = nn.Linear(c["kv_lora_rank"], h * (nope + v), bias=False)
        self.o_proj = nn.Linear(h * v, c["hidden_size"], bias=False)

    def forward(self, x):
        c = self.c
        B, T, _ = x.shape
        h, nope, rp, v = c["num_attention_heads"], c["qk_nope_head_dim"], c["qk_rope_head_dim"], c["v_head_dim"]
        pos = torch.arange(T)
        q = self.q_b_proj(self.q_a_layernorm(self.q_a_proj(x))).view(B, T, h, nope + rp)
        q_nope, q_pe = q.split([nope, rp], dim=-1)
        ckv = self.kv_a_proj_with_mqa(x)
        kv_c, k_pe = ckv.split([c["kv_lora_rank"], rp], dim=-1)
        kv = self.kv_b_proj(self.kv_a_layernorm(kv_c)).view(B, T, h, nope + v)
        k_nope, value = kv.split([nope, v], dim=-1)
        q_pe = rope(q_pe.transpose(1, 2), pos, c["rope_theta"])
        k_pe = rope(k_pe[:, None], pos, c["rope_theta"]).expand(B, h, T, rp)
        qh = torch.cat([q_nope.transpose(1, 2), q_pe], dim=-1)
        kh = torch.cat([k_nope.transpose(1, 2), k_pe], dim=-1)
        scores = qh @ kh.transpose(-1, -2) / math.sqrt(nope + rp)
        causal = torch.ones(T, T, dtype=torch.bool).triu(1)
        out = scores.masked_fill(causal, float("-inf")).softmax(-1) @ value.transpose(1, 2)
        return self.o_proj(out.transpose(1, 2).reshape(B, T, h * v))


class MLP(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.gate_proj = nn.Linear(dim, hidden, bias=False)
        self.up_proj = nn.Linear(dim, hidden, bias=False)
        self.down_proj = nn.Linear(hidden, dim, bias=False)

    def forward(self, x):
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class Gate(nn.Module):
    """Sigmoid router with DeepSeek-V3's selection bias (e_score_correction_bias), updated without an aux loss."""

    def __init__(self, c):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(c["n_routed_experts"], c["hidden_size"]))
        nn.init.normal_(self.weight, std=c["hidden_size"] ** -0.5)
        self.register_buffer("e_score_correction_bias", torch.zeros(c["n_routed_experts"]))
        self.k = c["num_experts_per_tok"]
        self.scale = c["routed_scaling_factor"]

    def forward(self, x):
        scores = torch.sigmoid(x @ self.weight.t())
        chosen = (scores.detach() + self.e_score_correction_bias).topk(self.k, dim=-1).indices
        w = scores.gather(-1, chosen)
        w = w / w.sum(-1, keepdim=True) * self.scale
        return chosen, w


class MoE(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.gate = Gate(c)
        self.experts = nn.ModuleList(MLP(c["hidden_size"], c["moe_intermediate_size"]) for _ in range(c["n_routed_experts"]))
        self.shared_experts = MLP(c["hidden_size"], c["moe_intermediate_size"] * c["n_shared_experts"])
        self.last_load = None

    def forward(self, x):
        B, T, D = x.shape
        flat = x.reshape(-1, D)
        chosen, w = self.gate(flat)
        out = torch.zeros_like(flat)
        load = torch.zeros(len(self.experts))
        for e, expert in enumerate(self.experts):
            rows, slot = (chosen == e).nonzero(as_tuple=True)
            load[e] = len(rows)
            if len(rows):
                out.index_add_(0, rows, expert(flat[rows]) * w[rows, slot, None])
        self.last_load = load
        return (out + self.shared_experts(flat)).view(B, T, D)


class Layer(nn.Module):
    def __init__(self, c, index):
        super().__init__()
        self.input_layernorm = RMSNorm(c["hidden_size"], c["rms_norm_eps"])
        self.self_attn = Attention(c)
        self.post_attention_layernorm = RMSNorm(c["hidden_size"], c["rms_norm_eps"])
        self.mlp = MLP(c["hidden_size"], c["intermediate_size"]) if index < c["first_k_dense_replace"] else MoE(c)

    def forward(self, x):
        x = x + self.self_attn(self.input_layernorm(x))
        return x + self.mlp(self.post_attention_layernorm(x))


class DeepseekV3(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.embed_tokens = nn.Embedding(c["vocab_size"], c["hidden_size"])
        self.layers = nn.ModuleList(Layer(c, i) for i in range(c["num_hidden_layers"]))
        self.norm = RMSNorm(c["hidden_size"], c["rms_norm_eps"])
        self.lm_head = nn.Linear(c["hidden_size"], c["vocab_size"], bias=False)
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=0.02)
            elif isinstance(m, nn.Embedding):
                nn.init.normal_(m.weight, std=0.02)

    def forward(self, ids):
        x = self.embed_tokens(ids)
        for layer in self.layers:
            x = layer(x)
        return self.lm_head(self.norm(x))

    def hf_state_dict(self):
        """Parameter names as Hugging Face's DeepseekV3 checkpoints spell them."""
        out = {}
        for name, t in self.state_dict().items():
            out[name if name.startswith("lm_head") else "model." + name] = t
        return out


def update_routing_bias(model, rate):
    """DeepSeek-V3's auxiliary-loss-free balancing: raise the bias of under-used experts, lower over-used ones."""
    for layer in model.layers:
        if isinstance(layer.mlp, MoE) and layer.mlp.last_load is not None:
            load = layer.mlp.last_load
            layer.mlp.gate.e_score_correction_bias += rate * torch.sign(load.mean() - load)


# ---------------------------------------------------------------- checkpoint files

def write_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name, t in sorted(tensors.items()):
        data = t.detach().contiguous().float().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    header["__metadata__"] = {"format": "pt"}
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * (-len(raw) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for b in blobs:
            f.write(b)


def write_tokenizer(out, vocab, merges, pre, decoder):
    added = [dict(id=i, content=s, single_word=False, lstrip=False, rstrip=False, normalized=False, special=True)
             for i, s in enumerate(SPECIALS)]
    tok = dict(version="1.0", truncation=None, padding=None, added_tokens=added,
               normalizer={"type": "Sequence", "normalizers": []}, pre_tokenizer=pre, post_processor=None,
               decoder=decoder,
               model=dict(type="BPE", dropout=None, unk_token=None, continuing_subword_prefix=None,
                          end_of_word_suffix=None, fuse_unk=False, byte_fallback=False, vocab=vocab,
                          merges=[a + " " + b for a, b in merges]))
    with open(os.path.join(out, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tok, f, ensure_ascii=False, indent=1)
    # trained on raw text windows, never after a BOS token: so none is added in front of prompts either
    config = dict(add_bos_token=False, add_eos_token=False, bos_token=BOS, eos_token=EOS, pad_token=EOS,
                  clean_up_tokenization_spaces=False, model_max_length=CONFIG["max_position_embeddings"],
                  tokenizer_class="LlamaTokenizerFast", chat_template=CHAT_TEMPLATE)
    with open(os.path.join(out, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, ensure_ascii=False, indent=1)


# ---------------------------------------------------------------- training

def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--context", type=int, default=128)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    os.makedirs(args.out, exist_ok=True)

    with open(os.path.join(SHARED, "corpus", "tinyshakespeare.txt"), encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    cut = len(lines) * 9 // 10
    train_text, val_text = "".join(lines[:cut]), "".join(lines[cut:])

    pre, decoder = pre_tokenizer_spec()
    byte_chars = bytes_to_unicode()
    to_chars = lambda piece: "".join(byte_chars[b] for b in piece.encode("utf-8"))
    words = Counter(to_chars(p) for p in split_words(train_text, pre))
    base = [byte_chars[b] for b in range(256)]
    t0 = time.time()
    merges = train_bpe(words, CONFIG["vocab_size"] - len(SPECIALS) - len(base))
    vocab = {s: i for i, s in enumerate(SPECIALS)}
    for s in base + [a + b for a, b in merges]:
        vocab[s] = len(vocab)
    assert len(vocab) == CONFIG["vocab_size"], len(vocab)
    print(f"tokenizer: {len(vocab)} tokens, {len(merges)} merges in {time.time() - t0:.0f} s", flush=True)

    ranks = {m: i for i, m in enumerate(merges)}
    cache = {}

    def encode(text):
        ids = []
        for p in split_words(text, pre):
            ids.extend(vocab[s] for s in encode_word(to_chars(p), ranks, cache))
        return torch.tensor(ids, dtype=torch.long)

    train_ids, val_ids = encode(train_text), encode(val_text)
    print(f"corpus: {len(train_ids)} training tokens, {len(val_ids)} validation tokens "
          f"({len(train_text) / len(train_ids):.2f} chars/token)", flush=True)

    model = DeepseekV3(CONFIG)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"model: {n_params / 1e6:.2f} M parameters", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.95), weight_decay=0.1)
    gen = torch.Generator().manual_seed(args.seed)

    def batch(ids):
        starts = torch.randint(0, len(ids) - args.context - 1, (args.batch,), generator=gen)
        x = torch.stack([ids[s:s + args.context] for s in starts])
        y = torch.stack([ids[s + 1:s + args.context + 1] for s in starts])
        return x, y

    @torch.no_grad()
    def validation_loss():
        model.eval()
        losses = []
        for s in range(0, len(val_ids) - args.context - 1, args.context * 4):
            x = val_ids[s:s + args.context][None]
            y = val_ids[s + 1:s + args.context + 1][None]
            losses.append(F.cross_entropy(model(x).view(-1, CONFIG["vocab_size"]), y.view(-1)).item())
        model.train()
        return sum(losses) / len(losses)

    t0 = time.time()
    for step in range(1, args.steps + 1):
        lr = args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * step / args.steps))) * min(1.0, step / 200)
        for g in opt.param_groups:
            g["lr"] = lr
        x, y = batch(train_ids)
        loss = F.cross_entropy(model(x).view(-1, CONFIG["vocab_size"]), y.view(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        update_routing_bias(model, 1e-3)
        if step % 50 == 0:
            print(f"step {step:5d}  loss {loss.item():.3f}  lr {lr:.2e}  {time.time() - t0:.0f} s", flush=True)
        if step % 1000 == 0 or step == args.steps:
            print(f"step {step:5d}  validation loss {validation_loss():.3f}", flush=True)

    with open(os.path.join(args.out, "config.json"), "w") as f:
        json.dump(CONFIG, f, indent=1)
    write_safetensors(os.path.join(args.out, "model.safetensors"), model.hf_state_dict())
    write_tokenizer(args.out, vocab, merges, pre, decoder)
    print(f"wrote {args.out}", flush=True)


if __name__ == "__main__":
    main()
