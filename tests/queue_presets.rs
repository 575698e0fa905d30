//! The worked examples shipped with the engine parse as scenarios.

use mail_preflight::queue::{presets, Scenario};

#[test]
fn every_preset_is_a_valid_scenario() {
    assert!(presets().len() >= 4);
    for preset in presets() {
        let scenario: Result<Scenario, _> = serde_json::from_str(preset.json);
        assert!(scenario.is_ok(), "{}: {:?}", preset.id, scenario.err());
        assert!(!scenario.unwrap_or_default().streams.is_empty(), "{} has no stream", preset.id);
    }
}
