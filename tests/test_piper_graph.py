"""The Piper graph rewrite (briefing/engines/piper_graph.py): a network of 1-D convolutions like a Piper
decoder's (dilated, padded, with bias; transposed with stride and output padding; a residual Add and
LeakyRelu between), rewritten as 2-D convolutions, gives onnxruntime the same samples."""

from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx", reason="the Piper extra is not installed (pip install -e '.[test,piper]')")
onnxruntime = pytest.importorskip("onnxruntime", reason="the Piper extra is not installed")

from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from briefing.engines.piper_blocked import NCHWC, PHASED_MARK, same_samples  # noqa: E402
from briefing.engines.piper_graph import as_two_dimensional, is_optimised, prepared_model  # noqa: E402

CHANNELS = 8


def decoder_like(opset: int) -> onnx.ModelProto:
    """conv_pre -> LeakyRelu -> ConvTranspose (x4) -> residual block (dilated Conv + Add) -> conv_post."""
    rng = np.random.default_rng(7)

    def weight(name, *shape):
        return numpy_helper.from_array(rng.normal(0, 0.3, shape).astype(np.float32), name)

    nodes = [
        helper.make_node("Conv", ["x", "w_pre", "b_pre"], ["pre"], kernel_shape=[7], pads=[3, 3]),
        helper.make_node("LeakyRelu", ["pre"], ["act"], alpha=0.1),
        helper.make_node("ConvTranspose", ["act", "w_up"], ["up"], kernel_shape=[8], strides=[4], pads=[2, 2],
                         output_padding=[1]),
        helper.make_node("LeakyRelu", ["up"], ["up_act"], alpha=0.1),
        helper.make_node("Conv", ["up_act", "w_res", "b_res"], ["res"], kernel_shape=[5], dilations=[3],
                         pads=[6, 6]),
        helper.make_node("Add", ["res", "up"], ["sum"]),
        helper.make_node("Conv", ["sum", "w_post"], ["y"], kernel_shape=[3], pads=[1, 1]),
    ]
    weights = [weight("w_pre", CHANNELS, 4, 7), weight("b_pre", CHANNELS), weight("w_up", CHANNELS, CHANNELS, 8),
               weight("w_res", CHANNELS, CHANNELS, 5), weight("b_res", CHANNELS), weight("w_post", 1, CHANNELS, 3)]
    graph = helper.make_graph(nodes, "decoder", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4, "t"])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 1, None])], weights)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], ir_version=8)


def run(model: onnx.ModelProto | bytes, x: np.ndarray) -> np.ndarray:
    data = model if isinstance(model, bytes) else model.SerializeToString()
    session = onnxruntime.InferenceSession(data, providers=["CPUExecutionProvider"])
    return session.run(None, {"x": x})[0]


@pytest.mark.parametrize("opset", [11, 15])  # Unsqueeze takes its axes as an attribute before opset 13
def test_the_rewritten_graph_has_only_2d_convolutions_and_gives_the_same_samples(opset):
    x = np.random.default_rng(3).normal(0, 1, (1, 4, 50)).astype(np.float32)
    original = decoder_like(opset)
    expected = run(original, x)
    rewritten = decoder_like(opset)
    assert as_two_dimensional(rewritten) == 4
    onnx.checker.check_model(rewritten)
    convolutions = [n for n in rewritten.graph.node if n.op_type in ("Conv", "ConvTranspose")]
    weights = {t.name: t for t in rewritten.graph.initializer}
    assert all(len(weights[n.input[1]].dims) == 4 for n in convolutions)
    assert not any(n.op_type == "ConvTranspose" for n in rewritten.graph.node)  # upsampled in phases
    got = run(rewritten, x)
    assert got.shape == expected.shape == (1, 1, 4 * 50 + 1)
    assert np.abs(got - expected).max() < 1e-4 * np.abs(expected).max()
    assert np.array_equal(run(rewritten, x), got)  # the same every time


def test_the_rewritten_model_is_kept_and_a_changed_voice_is_rewritten_again(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "voice.onnx"
    onnx.save(decoder_like(15), str(path))
    first = prepared_model(path, "voice:1")
    assert isinstance(first, bytes)  # made now, and kept
    kept = prepared_model(path, "voice:1")
    assert isinstance(kept, str) and kept != str(path)
    with open(kept, "rb") as handle:
        assert handle.read() == first
    assert isinstance(prepared_model(path, "voice:2"), bytes)


def test_a_model_that_cannot_be_read_is_given_to_onnxruntime_as_it_is(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "damaged.onnx"
    path.write_bytes(b"not a model")
    assert prepared_model(path, "damaged:1") == str(path)


def upsampling(kernel: int, stride: int, pads: list[int], output_padding: int = 0, bias: bool = True):
    """One transposed 1-D convolution of 4 channels into 3, as a Piper decoder's upsampling layers are."""
    rng = np.random.default_rng(kernel * stride)
    weights = [numpy_helper.from_array(rng.normal(0, 0.3, (4, 3, kernel)).astype(np.float32), "w")]
    if bias:
        weights.append(numpy_helper.from_array(rng.normal(0, 0.3, 3).astype(np.float32), "b"))
    node = helper.make_node("ConvTranspose", ["x", "w", *(["b"] if bias else [])], ["y"], kernel_shape=[kernel],
                            strides=[stride], pads=pads, output_padding=[output_padding])
    graph = helper.make_graph([node], "up", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4, "t"])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3, None])], weights)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)], ir_version=8)


@pytest.mark.parametrize(("kernel", "stride", "pads", "output_padding", "bias", "phased"), [
    (16, 8, [4, 4], 0, True, True),  # the upsampling layers of a Piper voice
    (8, 4, [2, 2], 0, False, True),
    (4, 2, [1, 2], 1, True, True),  # uneven padding, output padding
    (6, 2, [0, 0], 0, True, True),  # three taps a phase, nothing cut
    (5, 2, [2, 2], 0, True, False),  # a kernel that is not a whole number of strides stays transposed
])
def test_a_transposed_convolution_upsamples_in_phases_to_the_same_samples(kernel, stride, pads, output_padding,
                                                                           bias, phased):
    x = np.random.default_rng(1).normal(0, 1, (1, 4, 23)).astype(np.float32)
    expected = run(upsampling(kernel, stride, pads, output_padding, bias), x)
    rewritten = upsampling(kernel, stride, pads, output_padding, bias)
    assert as_two_dimensional(rewritten) == 1
    onnx.checker.check_model(rewritten)
    assert any(n.op_type == "ConvTranspose" for n in rewritten.graph.node) != phased
    constants = {t.name for t in rewritten.graph.initializer}
    assert "w" in constants and ("b" in constants) == (bias and not phased)  # a replaced bias is not left behind
    got = run(rewritten, x)
    assert got.shape == expected.shape == (1, 3, (23 - 1) * stride - sum(pads) + kernel + output_padding)
    assert np.abs(got - expected).max() < 1e-5 * np.abs(expected).max()


WIDE = 32  # channels: a multiple of every block size onnxruntime uses, so its blocked kernels take the graph


def speaking_decoder_like() -> onnx.ModelProto:
    """Phoneme ids ("input", as a Piper voice takes them) -> an embedding -> a HiFi-GAN-like decoder:
    conv_pre -> LeakyRelu -> ConvTranspose -> LeakyRelu -> two residual blocks (Conv, Add, LeakyRelu)
    whose sum is divided by 2 -> LeakyRelu -> conv_post -> Tanh."""
    rng = np.random.default_rng(11)

    def weight(name, *shape):
        return numpy_helper.from_array(rng.normal(0, 0.25, shape).astype(np.float32), name)

    nodes = [
        helper.make_node("Gather", ["table", "input"], ["embedded"]),
        helper.make_node("Transpose", ["embedded"], ["x"], perm=[0, 2, 1]),
        helper.make_node("Conv", ["x", "w_pre", "b_pre"], ["pre"], kernel_shape=[7], pads=[3, 3]),
        helper.make_node("LeakyRelu", ["pre"], ["pre_act"], alpha=0.1),
        helper.make_node("ConvTranspose", ["pre_act", "w_up", "b_up"], ["up"], kernel_shape=[8], strides=[4],
                         pads=[2, 2]),
        helper.make_node("LeakyRelu", ["up"], ["up_act"], alpha=0.1),
    ]
    weights = [weight("table", 50, 16), weight("w_pre", WIDE, 16, 7), weight("b_pre", WIDE),
               weight("w_up", WIDE, WIDE, 8), weight("b_up", WIDE), weight("w_post", 1, WIDE, 7),
               numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two")]
    for block, dilation in enumerate((1, 3)):
        nodes += [
            helper.make_node("Conv", ["up_act", f"w_{block}a", f"b_{block}a"], [f"c{block}a"], kernel_shape=[3],
                             dilations=[dilation], pads=[dilation, dilation]),
            helper.make_node("Add", [f"c{block}a", "up"], [f"s{block}"]),
            helper.make_node("LeakyRelu", [f"s{block}"], [f"a{block}"], alpha=0.1),
            helper.make_node("Conv", [f"a{block}", f"w_{block}b", f"b_{block}b"], [f"c{block}b"], kernel_shape=[5],
                             dilations=[dilation], pads=[2 * dilation, 2 * dilation]),
            helper.make_node("Add", [f"c{block}b", f"s{block}"], [f"r{block}"]),
        ]
        weights += [weight(f"w_{block}a", WIDE, WIDE, 3), weight(f"b_{block}a", WIDE),
                    weight(f"w_{block}b", WIDE, WIDE, 5), weight(f"b_{block}b", WIDE)]
    nodes += [
        helper.make_node("Add", ["r0", "r1"], ["both"]),
        helper.make_node("Div", ["both", "two"], ["mean"]),
        helper.make_node("LeakyRelu", ["mean"], ["post_act"], alpha=0.01),
        helper.make_node("Conv", ["post_act", "w_post"], ["post"], kernel_shape=[7], pads=[3, 3]),
        helper.make_node("Tanh", ["post"], ["output"]),
    ]
    graph = helper.make_graph(nodes, "voice", [helper.make_tensor_value_info("input", TensorProto.INT64, [1, "n"])],
                              [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, None])], weights)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)], ir_version=8)


def speak(model: onnx.ModelProto | bytes | str, ids: list[int]) -> np.ndarray:
    data = model.SerializeToString() if isinstance(model, onnx.ModelProto) else model
    session = onnxruntime.InferenceSession(data, providers=["CPUExecutionProvider"])
    return session.run(None, {"input": np.array([ids], dtype=np.int64)})[0]


def speak_unoptimised(model: str, ids: list[int]) -> np.ndarray:
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    return session.run(None, {"input": np.array([ids], dtype=np.int64)})[0]


def has_blocked_kernels(scratch) -> bool:
    two_dimensional = speaking_decoder_like()
    as_two_dimensional(two_dimensional)
    options = onnxruntime.SessionOptions()
    options.optimized_model_filepath = str(scratch)
    options.log_severity_level = 3
    onnxruntime.InferenceSession(two_dimensional.SerializeToString(), options, providers=["CPUExecutionProvider"])
    return any(node.domain == NCHWC for node in onnx.load(str(scratch)).graph.node)


def test_the_kept_model_runs_the_decoder_in_blocks_and_speaks_as_the_voice_does(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "voice.onnx"
    onnx.save(speaking_decoder_like(), str(path))
    if not has_blocked_kernels(tmp_path / "optimised.onnx"):
        pytest.skip("onnxruntime has no blocked kernels for this CPU")
    prepared_model(path, "voice:1")
    kept = prepared_model(path, "voice:1")
    assert is_optimised(kept)  # so it is loaded without optimising it again
    model = onnx.load(kept)
    producers = {name: node for node in model.graph.node for name in node.output}
    assert not any(node.op_type == "ConvTranspose" for node in model.graph.node)
    phases = [node for node in model.graph.node if node.name.endswith(PHASED_MARK)]
    assert len(phases) == 1 and any(phases[0].output[0] in node.input and node.op_type == "ReorderInput"
                                    for node in model.graph.node)  # the upsampled tensor is put into blocks
    activations = [node for node in model.graph.node if node.op_type == "LeakyRelu"]
    assert len(activations) >= 3  # onnxruntime puts conv_pre's into the convolution itself
    assert not any(producers[node.input[0]].op_type == "ReorderOutput" for node in activations)
    summing = [node for node in model.graph.node if node.domain == NCHWC and node.op_type == "Conv"
               and len(node.input) == 4]
    assert len(summing) >= 3  # the residual Adds went into the convolutions
    ids = [int(i) for i in np.random.default_rng(5).integers(0, 50, 90)]
    expected = speak(speaking_decoder_like(), ids)
    got = speak(kept, ids)
    assert got.shape == expected.shape == (1, 1, 4 * 90)
    assert np.array_equal(speak_unoptimised(kept, ids), got)
    assert np.abs(got - expected).max() < 1e-4 * np.abs(expected).max()
    assert np.array_equal(speak(kept, ids), got)  # the same every time


def test_a_graph_that_speaks_otherwise_is_not_taken_for_the_same_voice():
    voice = speaking_decoder_like()
    other = speaking_decoder_like()
    next(t for t in other.graph.initializer if t.name == "two").CopyFrom(
        numpy_helper.from_array(np.array(2.5, dtype=np.float32), "two"))
    assert same_samples(voice.SerializeToString(), voice.SerializeToString())
    assert not same_samples(voice.SerializeToString(), other.SerializeToString())
    assert not same_samples(voice.SerializeToString(), decoder_like(15).SerializeToString())  # not a voice's inputs


def test_a_kept_graph_is_made_again_for_another_onnxruntime(tmp_path, monkeypatch):
    """The blocked graph holds weights in one CPU's block size for one onnxruntime: its kept file is theirs."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "voice.onnx"
    onnx.save(speaking_decoder_like(), str(path))
    prepared_model(path, "voice:1")
    kept = prepared_model(path, "voice:1")
    monkeypatch.setattr(onnxruntime, "__version__", "0.0-another")
    assert isinstance(prepared_model(path, "voice:1"), bytes)
    other = prepared_model(path, "voice:1")
    assert isinstance(other, str) and other != kept
