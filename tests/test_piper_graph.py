"""The Piper graph rewrite (briefing/engines/piper_graph.py): a network of 1-D convolutions like a Piper
decoder's (dilated, padded, with bias; transposed with stride and output padding; a residual Add and
LeakyRelu between), rewritten as 2-D convolutions, gives onnxruntime the same samples."""

from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx", reason="the Piper extra is not installed (pip install -e '.[test,piper]')")
onnxruntime = pytest.importorskip("onnxruntime", reason="the Piper extra is not installed")

from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from briefing.engines.piper_graph import as_two_dimensional, prepared_model  # noqa: E402

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
