"""Piper's 2-D graph (piper_graph) as onnxruntime optimises it for this CPU, with the decoder kept in blocks.

onnxruntime runs each 2-D convolution on channel-blocked tensors (its NCHWc layout) and reorders the tensor
into blocks before the convolution and back after it, because its layout pass does not know LeakyRelu. In a
HiFi-GAN decoder (convolution -> residual Add -> LeakyRelu -> convolution...) that is two extra passes over
the largest tensors per convolution, and the residual Add cannot go into the convolution. Here the
optimised graph is changed so that ops which give 0 for 0 (BLOCKED_OPS) run on the blocked tensors
themselves, a transposed convolution's output is put into blocks once, and a residual Add becomes the
convolution's own "sum" input. Same sums in the same order: the samples equal the 2-D graph's to float
rounding, which is checked on a probe sentence before the graph is used.
The optimised graph holds weights in this CPU's block size, so its kept file is named after the CPU and the
onnxruntime version (piper_graph).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

NCHWC = "com.microsoft.nchwc"
# elementwise ops giving 0 for 0, so the zero channels that pad a block stay zero: (op, may one input be a number)
BLOCKED_OPS = {"LeakyRelu": False, "Relu": False, "Tanh": False, "Add": False, "Sub": False, "Mul": True, "Div": True}
PHASED_MARK = "__phases_joined"  # names the last op (a Slice) of piper_graph's phased upsampling
PROBE_IDS = list(range(1, 41))  # phoneme ids every Piper voice has (its map holds well over 40 symbols)


def blocked_model(two_dimensional: bytes, scratch: Path) -> bytes | None:
    """The optimised graph of `two_dimensional` with the decoder kept in blocks, if it gives the same samples on
    the probe sentence; else None. `scratch` is a file name onnxruntime may write to (removed after)."""
    import onnx
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.optimized_model_filepath = str(scratch)
    options.log_severity_level = 3  # not the warning that the file is for this CPU only: it is kept as such
    try:
        onnxruntime.InferenceSession(two_dimensional, sess_options=options, providers=["CPUExecutionProvider"])
        model = onnx.load(str(scratch))
    except Exception:  # onnxruntime's own error types; an unwritable scratch file
        return None
    finally:
        with contextlib.suppress(OSError):
            os.remove(scratch)
    if not in_blocks(model):
        return None
    blocked = model.SerializeToString()
    return blocked if same_samples(two_dimensional, blocked) else None


def in_blocks(model) -> int:
    """Change onnxruntime's optimised `model` in place (see the module's docstring); how many ops now run on
    blocked tensors."""
    from onnx import numpy_helper

    graph = model.graph
    numbers = {t.name for t in graph.initializer if numpy_helper.to_array(t).size == 1}
    weights = {t.name: t for t in graph.initializer}
    blocked = _reordered_outputs(graph)  # a plain tensor's name -> (its blocked twin's name, channels)
    producers = {name: node for node in graph.node for name in node.output}
    renamed: dict[str, str] = {}
    nodes, moved = [], 0
    for node in graph.node:
        for index, name in enumerate(node.input):
            node.input[index] = renamed.get(name, name)
        if _is(node, "ReorderInput") and node.input[0] in blocked and not _attribute(node, "channels_last"):
            renamed[node.output[0]] = blocked[node.input[0]][0]  # already in blocks
        elif _can_block(node, blocked, numbers):
            nodes += _on_blocks(node, blocked)
            moved += 1
        else:
            nodes.append(node)
            nodes += _into_blocks(node, weights, blocked, producers)
    nodes = _fuse_sums(_read_only(nodes, graph))
    del graph.node[:]
    graph.node.extend(nodes)
    return moved


def _is(node, op_type: str) -> bool:
    return node.domain == NCHWC and node.op_type == op_type


def _attribute(node, name: str):
    from onnx import helper

    return next((helper.get_attribute_value(a) for a in node.attribute if a.name == name), None)


def _reordered_outputs(graph) -> dict[str, tuple[str, int]]:
    return {node.output[0]: (node.input[0], _attribute(node, "channels")) for node in graph.node
            if _is(node, "ReorderOutput") and not _attribute(node, "channels_last")}


def _can_block(node, blocked: dict, numbers: set[str]) -> bool:
    """An op of BLOCKED_OPS on blocked tensors of one channel count (and a number, where the op allows one)."""
    if node.domain not in ("", "ai.onnx") or node.op_type not in BLOCKED_OPS:
        return False
    tensors = [name for name in node.input if name in blocked]
    others = [name for name in node.input if name not in blocked]
    if not tensors or len({blocked[name][1] for name in tensors}) != 1:
        return False
    if node.op_type == "Div":  # x / number keeps 0 at 0; number / x does not
        return node.input[0] in blocked and all(name in numbers for name in others)
    return not others or (BLOCKED_OPS[node.op_type] and all(name in numbers for name in others))


def _on_blocks(node, blocked: dict) -> list:
    """`node` on the blocked inputs, and the reorder of its output for whatever still reads it plain (dropped
    later if nothing does)."""
    from onnx import helper

    output = node.output[0]
    channels = next(blocked[name][1] for name in node.input if name in blocked)
    attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
    twin = f"{output}__blocked"
    on_blocks = helper.make_node(node.op_type, [blocked[name][0] if name in blocked else name for name in node.input],
                                 [twin], name=f"{output}__blocked", **attributes)
    blocked[output] = (twin, channels)
    return [on_blocks, helper.make_node("ReorderOutput", [twin], [output], name=f"{output}__plain",
                                        domain=NCHWC, channels=channels, channels_last=0)]


def _into_blocks(node, weights: dict, blocked: dict, producers: dict) -> list:
    """A reorder into blocks of the output of a 2-D transposed convolution (onnxruntime has no blocked form of
    it) or of piper_graph's phased upsampling (its phases are interleaved on plain tensors), so that the ops
    after it can run on blocks (dropped later if none does)."""
    from onnx import helper, numpy_helper

    channels = 0
    if node.domain in ("", "ai.onnx") and node.op_type == "ConvTranspose" and len(node.input) > 1 \
            and node.input[1] in weights and len(weights[node.input[1]].dims) == 4:
        channels = weights[node.input[1]].dims[1] * (_attribute(node, "group") or 1)
    elif node.op_type == "Slice" and node.name.endswith(PHASED_MARK):  # its input: Reshape to [0, channels, 1, -1]
        joined = producers.get(node.input[0])
        shape = weights.get(joined.input[1]) if joined is not None and joined.op_type == "Reshape" else None
        channels = int(numpy_helper.to_array(shape)[1]) if shape is not None else 0
    if not channels or channels % 4:  # onnxruntime's reorder needs a multiple of 4
        return []
    twin = f"{node.output[0]}__blocked"
    blocked[node.output[0]] = (twin, channels)
    return [helper.make_node("ReorderInput", [node.output[0]], [twin], name=f"{node.output[0]}__blocks", domain=NCHWC,
                             channels_last=0)]


def _read_only(nodes: list, graph) -> list:
    """`nodes` without those whose outputs nothing reads (the reorders that were not needed)."""
    while True:
        read = {name for node in nodes for name in node.input} | {output.name for output in graph.output}
        kept = [node for node in nodes if any(name in read for name in node.output if name)]
        if len(kept) == len(nodes):
            return nodes
        nodes = kept


def _fuse_sums(nodes: list) -> list:
    """A blocked Add of a blocked convolution's output (read by nothing else, with no activation and no sum yet)
    and another blocked tensor becomes that convolution's sum input: it adds into the convolution's output."""
    producers = {name: node for node in nodes for name in node.output}
    order = {name: index for index, node in enumerate(nodes) for name in node.output}
    reads: dict[str, int] = {}
    for node in nodes:
        for name in node.input:
            reads[name] = reads.get(name, 0) + 1
    fused = []
    for node in nodes:
        if node.op_type != "Add" or not node.name.endswith("__blocked") or len(node.input) != 2:
            continue
        for mine, other in ((0, 1), (1, 0)):
            convolution = producers.get(node.input[mine])
            if convolution is not None and _is(convolution, "Conv") and reads[node.input[mine]] == 1 \
                    and len(convolution.input) < 4 and _attribute(convolution, "activation") is None \
                    and order.get(node.input[other], -1) < order[node.input[mine]]:  # made before: nodes stay in order
                convolution.input.extend([""] * (3 - len(convolution.input)) + [node.input[other]])
                convolution.output[0] = node.output[0]
                fused.append(id(node))
                break
    return [node for node in nodes if id(node) not in fused]


def same_samples(expected: bytes, model: bytes) -> bool:
    """Whether `model` speaks the probe sentence as `expected` does, to float rounding (a Piper voice's inputs)."""
    import numpy as np
    import onnxruntime

    def speak(data: bytes):
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        session = onnxruntime.InferenceSession(data, sess_options=options, providers=["CPUExecutionProvider"])
        feeds = {"input": np.array([PROBE_IDS], dtype=np.int64),
                 "input_lengths": np.array([len(PROBE_IDS)], dtype=np.int64),
                 "scales": np.array([0.0, 1.0, 0.0], dtype=np.float32), "sid": np.array([0], dtype=np.int64)}
        wanted = {i.name for i in session.get_inputs()}
        return session.run(None, {name: value for name, value in feeds.items() if name in wanted})[0]

    try:
        want, got = speak(expected), speak(model)
    except Exception:  # onnxruntime's own error types: not a Piper voice's inputs, or a graph it will not run
        return False
    scale = float(np.abs(want).max()) or 1.0
    return want.shape == got.shape and float(np.abs(want - got).max()) <= 1e-4 * scale
