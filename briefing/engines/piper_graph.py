"""Piper's ONNX graph, with every 1-D convolution given as the same convolution in 2-D (a height of 1).

A Piper voice spends ~90 % of its time in its decoder's 1-D convolutions. onnxruntime runs 2-D ones with
its blocked (NCHWc) kernels, which it has no 1-D form of: the same weights and the same sums. Only the tensor
layout changes: weights [out, in, k] become [out, in, 1, k] (the same bytes), a tensor gains a height of 1
before the first convolution that reads it (Unsqueeze), and the elementwise ops between convolutions
(ELEMENTWISE: the decoder's residual Adds, LeakyRelus, the Div by the number of residual blocks, Tanh) run on
the 4-D tensors too, so that a Squeeze back to 3-D comes only where something else reads the tensor. Then
onnxruntime's optimised form of that graph, with those ops moved onto its blocked tensors (piper_blocked), is
what runs. A transposed convolution (the decoder's upsampling, ~11 % of the model's time on the example
article, which onnxruntime runs with no blocked kernel) becomes one 2-D convolution that makes all its output
phases at once, whose phases are then interleaved (phased_upsampling): the same sums, in blocks; ~5 % less
model CPU (sessions run alternately on the example's sentences, one thread each). The samples differ from the
original graph's by float rounding (~4e-5 of full scale) and are the same on every run. Needs the `onnx`
package; without it, or for a graph this cannot rewrite, the model is used as it is.
Measured on en_US-joe-medium: the 2-D convolutions alone took 18 % less CPU on a 50-minute article. The
blocked graph takes another 17 % less user CPU for `briefing make --engine piper --no-cache` on the example
article (14.1 -> 11.7 s) and 11 % on five copies of it (63.5 -> 56.6 s; alternating runs on a loaded
machine); part of it is loading, ~0.25 s instead of ~0.9 s.
Importing `onnx` alone takes ~1 s of CPU, and making the blocked graph ~3 s, so a voice's graph is kept in
the cache folder (as big as the model) and made again only when the voice, REWRITE_VERSION, onnxruntime
or the CPU changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from pathlib import Path

from briefing.engines.piper_blocked import PHASED_MARK, blocked_model

REWRITE_VERSION = 3  # part of the kept file's name: a change in the rewrite makes it again
OPTIMISED_SUFFIX = ".optimised.onnx"
CONVOLUTIONS = ("Conv", "ConvTranspose")
HEIGHT_AXIS = "briefing_2d_height_axis"
SQUEEZE_MARK = "__2d_squeeze"
# ops whose output has the broadcast shape of their inputs, value by value: they run on 4-D tensors as they do on 3-D
ELEMENTWISE = ("Add", "Sub", "Mul", "Div", "LeakyRelu", "Relu", "Tanh", "Sigmoid")


def prepared_model(path: Path, fingerprint: str) -> bytes | str:
    """The model to give onnxruntime: the rewritten graph (a file in the cache folder, else its bytes),
    else the voice's own file (its path). `fingerprint` names the voice's model and config. A kept graph
    that onnxruntime has optimised already (piper_blocked) is named so (`is_optimised`)."""
    from briefing.cache import default_cache_dir

    key = f"{fingerprint}|{REWRITE_VERSION}|{_runtime()}"
    kept = default_cache_dir() / "piper-models" / f"{hashlib.sha256(key.encode()).hexdigest()[:24]}.onnx"
    for name in (kept.with_suffix(OPTIMISED_SUFFIX), kept):
        if name.is_file():
            return str(name)
    rewritten = _rewritten(path)
    if rewritten is None:
        return str(path)
    with contextlib.suppress(OSError):  # an unwritable cache only costs time
        kept.parent.mkdir(parents=True, exist_ok=True)
        scratch = kept.with_name(f"{kept.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            blocked = blocked_model(rewritten, scratch)
            scratch.write_bytes(blocked or rewritten)
            os.replace(scratch, kept.with_suffix(OPTIMISED_SUFFIX) if blocked else kept)
            rewritten = blocked or rewritten
        finally:  # a full disk leaves no part file behind (after the replace there is none)
            with contextlib.suppress(OSError):
                scratch.unlink()
    return rewritten


def is_optimised(model: bytes | str) -> bool:
    """Whether `model` is a kept graph as onnxruntime optimised it for this CPU (piper_blocked): optimising it
    again changes nothing (the same ops, checked on the example voice) and took ~0.17 of its ~0.28 s load."""
    return isinstance(model, str) and model.endswith(OPTIMISED_SUFFIX)


def _runtime() -> str:
    """onnxruntime's version and this CPU's kind: the blocked graph (piper_blocked) holds weights in this
    CPU's block size, so a cache folder shared with another machine must not hand it over."""
    import platform

    import onnxruntime

    features = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8", errors="replace") as cpuinfo:
        features = next((line for line in cpuinfo if line.startswith(("flags", "Features"))), "")
    return f"{onnxruntime.__version__}|{platform.machine()}|{platform.processor()}|{features.strip()}"


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
    """Rewrite `model`'s 1-D convolutions (those with constant weights) in place; how many were. The elementwise
    ops after them (ELEMENTWISE, with a single-number constant as the other input) run on the 4-D tensors
    too, so that the graph leaves 4-D only where something that is not a convolution or one of them reads it."""
    from onnx import helper

    graph = model.graph
    weights = {tensor.name: tensor for tensor in graph.initializer}
    numbers = _single_numbers(graph)
    consumers: dict[str, int] = {}
    for node in graph.node:
        for name in node.input:
            consumers[name] = consumers.get(name, 0) + 1
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 13)
    tall: dict[str, str] = {}  # a 3-D tensor's name -> the name of the same values with a height of 1
    nodes, rewritten, replaced = [], 0, []  # replaced: biases read only by what phased_upsampling replaced
    for node in graph.node:
        weight = weights.get(node.input[1]) if node.op_type in CONVOLUTIONS and len(node.input) > 1 else None
        if weight is not None and len(weight.dims) == 3 and consumers[weight.name] == 1 \
                and not _has(node, "output_shape"):
            nodes += _taller_input(node.input[0], tall, opset, helper)
            if _in_phases(node, weight, weights, opset):
                nodes += phased_upsampling(node, weight, weights, graph, tall, opset)
                replaced += [name for name in node.input[2:3] if name and consumers[name] == 1]
            else:
                weight.dims.insert(2, 1)  # [out, in, k] -> [out, in, 1, k]: the same bytes in the same order
                nodes += _in_two_dimensions(node, tall, opset, helper)
            rewritten += 1
        elif node.op_type in ELEMENTWISE and any(name in tall for name in node.input) \
                and all(name in tall or name in numbers for name in node.input):
            nodes += _elementwise_in_two_dimensions(node, tall, opset, helper)
        else:
            nodes.append(node)
    if rewritten:
        if opset >= 13:
            import numpy as np
            from onnx import numpy_helper

            graph.initializer.append(numpy_helper.from_array(np.array([2], dtype=np.int64), HEIGHT_AXIS))
        read = {name for node in nodes for name in node.input} | {output.name for output in graph.output}
        kept = [tensor for tensor in graph.initializer if tensor.name not in replaced]
        del graph.initializer[:]
        graph.initializer.extend(kept)
        del graph.node[:]
        graph.node.extend(n for n in nodes if n.op_type != "Squeeze" or n.output[0] in read or not _ours(n))
    return rewritten


def _in_phases(node, weight, weights: dict, opset: int) -> bool:
    """Whether a transposed convolution can run as phased_upsampling: one group, no dilation, a kernel a whole
    number of strides long, a constant bias (if any), and any output padding within the end padding."""
    attributes = _attributes(node)
    stride = (attributes.get("strides") or [1])[0]
    pads = attributes.get("pads") or [0, 0]
    return (node.op_type == "ConvTranspose" and opset >= 10 and stride > 1 and weight.dims[2] % stride == 0
            and attributes.get("group", 1) == 1 and (attributes.get("dilations") or [1]) == [1]
            and "auto_pad" not in attributes and (attributes.get("output_padding") or [0])[0] <= pads[1]
            and (len(node.input) < 3 or not node.input[2] or node.input[2] in weights))


def phased_upsampling(node, weight, weights: dict, graph, tall: dict[str, str], opset: int) -> list:
    """A transposed 1-D convolution (stride s, a kernel of t strides) as the same sums in a form onnxruntime runs
    with its blocked kernels: output sample j*s + r is input samples j-t+1 .. j times kernel taps r, r+s, ...;
    so one 2-D convolution of kernel t gives all s phases as s groups of channels, which are then interleaved
    (Reshape, Transpose, Reshape) and the padding cut (Slice). The weight [in, out, k] becomes [s*out, in, 1, t]."""
    import numpy as np
    from onnx import helper, numpy_helper

    attributes = _attributes(node)
    stride, (start, end) = attributes["strides"][0], attributes.get("pads") or [0, 0]
    end -= (attributes.get("output_padding") or [0])[0]
    kernel = numpy_helper.to_array(weight)  # [in, out, k]
    channels, taps = kernel.shape[1], kernel.shape[2] // stride
    # phases[r*out + o, i, 0, e] = kernel[i, o, (t-1-e)*s + r]
    phases = kernel.reshape(kernel.shape[0], channels, taps, stride)[:, :, ::-1, :].transpose(3, 1, 0, 2)
    weight.CopyFrom(numpy_helper.from_array(np.ascontiguousarray(phases.reshape(stride * channels, -1, 1, taps)),
                                            weight.name))
    name, output = node.name or node.output[0], node.output[0]
    inputs = [tall[node.input[0]], weight.name]
    shapes = {"__phase_split": [0, stride, channels, -1], "__phase_join": [0, channels, 1, -1],
              "__cut_start": [start], "__cut_end": [-end if end else np.iinfo(np.int64).max], "__cut_axis": [3]}
    graph.initializer.extend(numpy_helper.from_array(np.array(value, dtype=np.int64), f"{name}{key}")
                             for key, value in shapes.items())
    if len(node.input) > 2 and node.input[2]:  # each phase has the bias
        bias = np.tile(numpy_helper.to_array(weights[node.input[2]]), stride)
        graph.initializer.append(numpy_helper.from_array(bias, f"{name}__phase_bias"))
        inputs.append(f"{name}__phase_bias")
    tall[output] = f"{output}__2d"
    return [
        helper.make_node("Conv", inputs, [f"{name}__phases"], name=f"{name}__phases", kernel_shape=[1, taps],
                         pads=[0, taps - 1, 0, taps - 1]),
        helper.make_node("Reshape", [f"{name}__phases", f"{name}__phase_split"], [f"{name}__split"],
                         name=f"{name}__split"),
        helper.make_node("Transpose", [f"{name}__split"], [f"{name}__interleaved"], perm=[0, 2, 3, 1],
                         name=f"{name}__interleaved"),
        helper.make_node("Reshape", [f"{name}__interleaved", f"{name}__phase_join"], [f"{name}__joined"],
                         name=f"{name}__joined"),
        helper.make_node("Slice", [f"{name}__joined", f"{name}__cut_start", f"{name}__cut_end", f"{name}__cut_axis"],
                         [tall[output]], name=f"{name}{PHASED_MARK}"),
        _squeezed(output, tall, opset, helper),
    ]


def _attributes(node) -> dict:
    from onnx import helper

    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _single_numbers(graph) -> set[str]:
    """Names of constants holding one number (of at most 3 dimensions): with them, an elementwise op on a 4-D
    tensor gives the 3-D op's values with a height of 1."""
    from onnx import helper

    constants = {t.name: t for t in graph.initializer}
    for node in graph.node:
        if node.op_type == "Constant":
            values = [helper.get_attribute_value(a) for a in node.attribute if a.name == "value"]
            constants.update((node.output[0], value) for value in values)
    return {name for name, t in constants.items() if len(t.dims) <= 3 and all(d == 1 for d in t.dims)}


def _has(node, attribute: str) -> bool:
    return any(a.name == attribute for a in node.attribute)


def _taller_input(name: str, tall: dict[str, str], opset: int, helper) -> list:
    """The Unsqueeze giving `name` a height of 1, unless it has one already."""
    if name in tall:
        return []
    tall[name] = f"{name}__2d"
    if opset >= 13:  # the axes are an input from opset 13 on, an attribute before
        return [helper.make_node("Unsqueeze", [name, HEIGHT_AXIS], [tall[name]], name=f"{name}__2d_unsqueeze")]
    return [helper.make_node("Unsqueeze", [name], [tall[name]], axes=[2], name=f"{name}__2d_unsqueeze")]


def _squeezed(name: str, tall: dict[str, str], opset: int, helper):
    """The Squeeze giving `name` back its 3 dimensions, for whatever reads it in 3-D (dropped if nothing does)."""
    if opset >= 13:
        return helper.make_node("Squeeze", [tall[name], HEIGHT_AXIS], [name], name=f"{name}{SQUEEZE_MARK}")
    return helper.make_node("Squeeze", [tall[name]], [name], axes=[2], name=f"{name}{SQUEEZE_MARK}")


def _in_two_dimensions(node, tall: dict[str, str], opset: int, helper) -> list:
    """The convolution in 2-D (on the input's 4-D form) and the Squeeze of its output, in place of `node`."""
    output = node.output[0]
    attributes = {a.name: _taller(a.name, helper.get_attribute_value(a)) for a in node.attribute}
    convolution = helper.make_node(node.op_type, [tall[node.input[0]], *node.input[1:]], [f"{output}__2d"],
                                   name=node.name, domain=node.domain, **attributes)
    tall[output] = f"{output}__2d"
    return [convolution, _squeezed(output, tall, opset, helper)]


def _elementwise_in_two_dimensions(node, tall: dict[str, str], opset: int, helper) -> list:
    """`node` on the 4-D forms of its inputs (a single number stays as it is) and the Squeeze of its output."""
    output = node.output[0]
    attributes = _attributes(node)
    taller = helper.make_node(node.op_type, [tall.get(name, name) for name in node.input], [f"{output}__2d"],
                              name=node.name, domain=node.domain, **attributes)
    tall[output] = f"{output}__2d"
    return [taller, _squeezed(output, tall, opset, helper)]


def _ours(node) -> bool:
    return node.name.endswith(SQUEEZE_MARK)


def _taller(name: str, value):
    """A 1-D convolution attribute for the 2-D convolution of height 1."""
    if name == "output_padding":
        return [0, *value]
    if name in ("kernel_shape", "dilations", "strides"):
        return [1, *value]
    if name == "pads":  # [begin, end] -> [top, begin, bottom, end]
        return [0, value[0], 0, value[1]]
    return value
