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

/// Stream names are shown to users (results, answers, the page): each preset's is a
/// catalogue text, said in the reader's language; the files keep the English.
#[test]
fn preset_stream_names_are_said_in_the_readers_language() {
    use mail_preflight::i18n::Msg;
    use mail_preflight::queue::Preset;
    use mail_preflight::Locale;
    for (english, id) in Preset::stream_names() {
        assert_eq!(Msg::new(id).render(Locale::En), *english, "the file's name is the English text");
    }
    for preset in presets() {
        let english: Scenario = serde_json::from_str(preset.json).unwrap_or_default();
        assert_eq!(preset.json_in(Locale::En), preset.json, "{}", preset.id);
        for locale in [Locale::Fr, Locale::Es, Locale::Pl] {
            let json = preset.json_in(locale);
            let localized: Scenario =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{} in {locale:?}: {e}", preset.id));
            for (a, b) in english.streams.iter().zip(&localized.streams) {
                let (_, id) = Preset::stream_names()
                    .iter()
                    .find(|(name, _)| *name == a.name)
                    .unwrap_or_else(|| panic!("{}: stream “{}” has no catalogue text", preset.id, a.name));
                assert_eq!(b.name, Msg::new(id).render(locale));
                assert_ne!(b.name, a.name, "{locale:?}");
                assert_eq!(Scenario { streams: vec![], ..localized.clone() }, Scenario { streams: vec![], ..english.clone() });
            }
        }
    }
    let json = presets().iter().find(|p| p.id == "quiet-contact-form").map(|p| p.json_in(Locale::Fr)).unwrap_or_default();
    assert!(json.contains("\"name\": \"formulaire de contact\""), "{json}");
}
