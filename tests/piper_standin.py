"""A stand-in Piper voice of about 1 KB, built here, that piper-tts loads and runs like a real one.

The ONNX graph has a real voice's inputs (input ids, input_lengths, scales and, for several speakers,
sid) and output ([1, 1, 1, samples]): 256 samples per phoneme id times length_scale, a tone whose pitch
is 80 Hz + 30 Hz per speaker id (so speakers 0-2 sound male, 3 and up female, to a pitch measurement).
Its config carries piper-tts's own default phoneme map, so the real phonemization path runs.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import onnx
from onnx import TensorProto, helper

SAMPLE_RATE = 22050
HOP = 256
BASE_HZ, STEP_HZ = 80.0, 30.0


def _constant(name: str, value, dtype=TensorProto.FLOAT):
    return helper.make_node("Constant", [], [name], value=helper.make_tensor(name, dtype, [], [value]))


def build_graph(speakers: int) -> onnx.ModelProto:
    nodes = [
        helper.make_node("Shape", ["input"], ["shape"]),
        _constant("one_index", 1, TensorProto.INT64),
        helper.make_node("Gather", ["shape", "one_index"], ["ids"]),
        helper.make_node("Cast", ["ids"], ["ids_f"], to=TensorProto.FLOAT),
        helper.make_node("Gather", ["scales", "one_index"], ["length_scale"]),
        _constant("hop", float(HOP)),
        helper.make_node("Mul", ["ids_f", "hop"], ["frames"]),
        helper.make_node("Mul", ["frames", "length_scale"], ["samples_exact"]),
        helper.make_node("Floor", ["samples_exact"], ["samples"]),
        _constant("zero", 0.0),
        _constant("step", 1.0),
        helper.make_node("Range", ["zero", "samples", "step"], ["t"]),
        _constant("base_hz", BASE_HZ),
    ]
    inputs = [
        helper.make_tensor_value_info("input", TensorProto.INT64, [1, "phonemes"]),
        helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
        helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
    ]
    if speakers > 1:
        inputs.append(helper.make_tensor_value_info("sid", TensorProto.INT64, [1]))
        nodes += [
            _constant("zero_index", 0, TensorProto.INT64),
            helper.make_node("Gather", ["sid", "zero_index"], ["speaker"]),
            helper.make_node("Cast", ["speaker"], ["speaker_f"], to=TensorProto.FLOAT),
            _constant("step_hz", STEP_HZ),
            helper.make_node("Mul", ["speaker_f", "step_hz"], ["raise_hz"]),
            helper.make_node("Add", ["base_hz", "raise_hz"], ["hz"]),
        ]
    else:
        nodes.append(helper.make_node("Identity", ["base_hz"], ["hz"]))
    nodes += [
        _constant("radians_per_sample", 2 * math.pi / SAMPLE_RATE),
        helper.make_node("Mul", ["hz", "radians_per_sample"], ["omega"]),
        helper.make_node("Mul", ["t", "omega"], ["phase"]),
        helper.make_node("Sin", ["phase"], ["tone"]),
        _constant("amplitude", 0.5),
        helper.make_node("Mul", ["tone", "amplitude"], ["wave"]),
        helper.make_node("Constant", [], ["out_shape"],
                         value=helper.make_tensor("out_shape", TensorProto.INT64, [4], [1, 1, 1, -1])),
        helper.make_node("Reshape", ["wave", "out_shape"], ["output"]),
    ]
    output = helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, 1, "samples"])
    graph = helper.make_graph(nodes, "standin", inputs, [output])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def build_voice(folder: Path, key: str = "en_US-standin-low", speakers: int = 8) -> Path:
    """Write KEY.onnx and KEY.onnx.json into `folder`; returns the model's path."""
    from piper.phoneme_ids import DEFAULT_PHONEME_ID_MAP

    folder.mkdir(parents=True, exist_ok=True)
    model = folder / f"{key}.onnx"
    onnx.save(build_graph(speakers), str(model))
    language = key.split("-")[0]
    config = {
        "audio": {"sample_rate": SAMPLE_RATE, "quality": "low"},
        "espeak": {"voice": language.replace("_", "-").lower()},
        "language": {"code": language},
        "inference": {"noise_scale": 0.667, "length_scale": 1, "noise_w": 0.8},
        "phoneme_type": "espeak",
        "phoneme_id_map": DEFAULT_PHONEME_ID_MAP,
        "num_symbols": 256,
        "num_speakers": speakers,
        "speaker_id_map": {f"reader{n}": n for n in range(speakers)} if speakers > 1 else {},
    }
    (folder / f"{key}.onnx.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return model


def speaker_hz(speaker: int) -> float:
    return BASE_HZ + STEP_HZ * speaker
