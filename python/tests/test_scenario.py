"""Scenarios from names, files and dicts, with the CLI's checks and messages."""

import pytest

import rareflow


def test_shipped_and_dict_round_trip(ds):
    assert "baseline" in rareflow.shipped_scenarios()
    s = rareflow.load_scenario("china-heavy-ree-licensing", ds)
    assert s.chain == ["baseline", "china-heavy-ree-licensing"]
    assert s.years == (2024, 2050)
    assert s.policies == [("export_licensing", "China licensing of medium and heavy rare earths")]
    d = rareflow.scenario_dict("china-heavy-ree-licensing")
    assert d["policy"][0]["share"] == 0.25
    d["name"] = "licensing-half"
    d["policy"][0]["share"] = 0.5
    t = rareflow.load_scenario(d, ds)
    assert t.name == "licensing-half" and t.chain == ["baseline", "licensing-half"]


def test_bad_dict_names_the_key_path(ds):
    d = rareflow.scenario_dict("china-heavy-ree-licensing")
    d["policy"][0]["share"] = 1.5
    d["policy"][0]["elemnts"] = ["Dy"]
    d["settings"] = {"hurdle_rate": "high"}
    with pytest.raises(rareflow.InputError) as e:
        rareflow.load_scenario(d, ds)
    got = {(x.file, x.line, x.field): x.message for x in e.value.diagnostics}
    # The same messages as for a scenario file, with the key path instead of line:column.
    assert got[("scenario dict", 0, "policy[0].share")] == "expected a number in [0, 1] (fraction), found 1.5"
    assert got[("scenario dict", 0, "policy[0].elemnts")].startswith(
        'unknown key (did you mean "elements"?)')
    assert ("scenario dict", 0, "settings.hurdle_rate") in got
    assert "scenario dict: policy[0].share: expected a number in [0, 1] (fraction), found 1.5" in str(e.value)


def test_value_without_toml_form_is_reported(ds):
    with pytest.raises(rareflow.InputError) as e:
        rareflow.load_scenario({"name": "x", "base": "baseline", "years": {"first": object()}}, ds)
    d = e.value.diagnostics[0]
    assert d.field == "years.first"
    assert d.message == "expected a string, number, boolean, list or dict, found object"


def test_same_file_error_as_cli(tmp_path, ds):
    f = tmp_path / "bad.toml"
    f.write_text('name = "bad"\nbase = "baselin"\n')
    with pytest.raises(rareflow.InputError) as e:
        rareflow.load_scenario(f, ds)
    d = e.value.diagnostics[0]
    assert (d.line, d.column, d.field) == (2, 8, "base")
    assert 'did you mean "baseline"' in d.message
