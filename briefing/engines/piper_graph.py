"""Piper's ONNX graph, with every 1-D convolution given as the same convolution in 2-D (a height of 1).

A Piper voice spends ~90 % of its time in its decoder's 1-D convolutions. onnxruntime runs 2-D ones with
its blocked (NCHWc) kernels, which it has no 1-D form of: the same weights and the same sums. Measured on
en_US-joe-medium with two engines: ~27 % less CPU while other programs compete for the cores (their caches),
2-6 % on a quiet machine (benchmarks/speed.py), for ~30 MB more peak memory. Only the tensor layout changes: weights
[out, in, k] become [out, in, 1, k] (the same bytes), the input gains a height of 1 before each convolution
(Unsqueeze) and loses it after (Squeeze); the samples differ from the original graph's by float rounding
(~3e-5 of full scale) and are the same on every run. Needs the `onnx` package; without it, or for a graph
this cannot rewrite, the model is used as it is.
Importing `onnx` alone takes ~1 s of CPU (more than the rewrite), so a voice's rewritten graph is kept in
the cache folder (as big as the model) and made again only when the voice or REWRITE_VERSION changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from pathlib import Path

REWRITE_VERSION = 1  # part of the kept file's name: a change in the rewrite makes it again
CONVOLUTIONS = ("Conv", "ConvTranspose")
HEIGHT_AXIS = "briefing_2d_height_axis"


def prepared_model(path: Path, fingerprint: str) -> bytes | str:
    """The model to give onnxruntime: the rewritten graph (a file in the cache folder, else its bytes),
    else the voice's own file (its path). `fingerprint` names the voice's model and config."""
    from briefing.cache import default_cache_dir

    name = hashlib.sha256(f"{fingerprint}|{REWRITE_VERSION}".encode()).hexdigest()[:24]
    kept = default_cache_dir() / "piper-models" / f"{name}.onnx"
    if kept.is_file():
        return str(kept)
    rewritten = _rewritten(path)
    if rewritten is None:
        return str(path)
    with contextlib.suppress(OSError):  # an unwritable cache only costs time
        kept.parent.mkdir(parents=True, exist_ok=True)
        scratch = kept.with_name(f"{kept.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            scratch.write_bytes(rewritten)
            os.replace(scratch, kept)
        finally:  # a full disk leaves no part file behind (after the replace there is none)
            with contextlib.suppress(OSError):
                scratch.unlink()
    return rewritten


def _rewritten(path: Path) -> bytes | None:
    """The model file's graph in 2-D, or None (no `onnx`, nothing to rewrite, or a file it cannot read)."""
    try:
        import onnx
    except ImportError:
        return None
    try:
        model = onnx.load(str(path))
    except Exception:  # a damaged file: onnxruntime says what is wrong with it when it loads the path
        return None
    return model.SerializeToString() if as_two_dimensional(model) else None


def as_two_dimensional(model) -> int:
    """Rewrite `model`'s 1-D convolutions (those with constant weights) in place; how many were."""
    from onnx import helper, numpy_helper

    graph = model.graph
    weights = {tensor.name: tensor for tensor in graph.initializer}
    consumers: dict[str, int] = {}
    for node in graph.node:
        for name in node.input:
            consumers[name] = consumers.get(name, 0) + 1
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 13)
    nodes, rewritten = [], 0
    for node in graph.node:
        weight = weights.get(node.input[1]) if node.op_type in CONVOLUTIONS and len(node.input) > 1 else None
        if weight is None or len(weight.dims) != 3 or consumers[weight.name] != 1 or _has(node, "output_shape"):
            nodes.append(node)
            continue
        weight.dims.insert(2, 1)  # [out, in, k] -> [out, in, 1, k]: the same bytes in the same order
        nodes += _in_two_dimensions(node, opset, helper)
        rewritten += 1
    if rewritten:
        if opset >= 13:
            import numpy as np

            graph.initializer.append(numpy_helper.from_array(np.array([2], dtype=np.int64), HEIGHT_AXIS))
        del graph.node[:]
        graph.node.extend(nodes)
    return rewritten


def _has(node, attribute: str) -> bool:
    return any(a.name == attribute for a in node.attribute)


def _in_two_dimensions(node, opset: int, helper) -> list:
    """Unsqueeze -> the convolution in 2-D -> Squeeze, in place of the 1-D `node`."""
    taller, tall_out = f"{node.output[0]}__2d_in", f"{node.output[0]}__2d_out"
    attributes = {a.name: _taller(a.name, helper.get_attribute_value(a)) for a in node.attribute}
    convolution = helper.make_node(node.op_type, [taller, *node.input[1:]], [tall_out], name=node.name,
                                   domain=node.domain, **attributes)
    if opset >= 13:  # the axes are an input from opset 13 on, an attribute before
        unsqueeze = helper.make_node("Unsqueeze", [node.input[0], HEIGHT_AXIS], [taller])
        squeeze = helper.make_node("Squeeze", [tall_out, HEIGHT_AXIS], [node.output[0]])
    else:
        unsqueeze = helper.make_node("Unsqueeze", [node.input[0]], [taller], axes=[2])
        squeeze = helper.make_node("Squeeze", [tall_out], [node.output[0]], axes=[2])
    return [unsqueeze, convolution, squeeze]


def _taller(name: str, value):
    """A 1-D convolution attribute for the 2-D convolution of height 1."""
    if name == "output_padding":
        return [0, *value]
    if name in ("kernel_shape", "dilations", "strides"):
        return [1, *value]
    if name == "pads":  # [begin, end] -> [top, begin, bottom, end]
        return [0, value[0], 0, value[1]]
    return value
