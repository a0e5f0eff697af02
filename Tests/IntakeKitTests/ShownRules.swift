import Foundation
import IntakeKit
import IntakeTesting

/// The rules the assessment text of `run` and `score` shows for a persona:
/// every rule that fired, except that when care is needed now only the rules
/// that set the category are shown (nothing in favour of massage, nothing
/// about how often to come).
struct ShownRules {
    /// Whether the outcome is the most urgent category.
    var careNow: Bool
    /// The rule ids the text shows.
    var shown: Set<String>
    /// Whether a rule in favour of massage is shown.
    var showsSupporting: Bool

    /// `intake score ANSWERS --format json` (with `questionnaire`) gives
    /// the rules' effects, which say which are left out.
    init(answers: String, questionnaire: String? = nil, fired: Set<String>, careNow: Bool) throws {
        let output = InProcessIntake().score(.init(answers: answers, format: .json, questionnaire: questionnaire)).output
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let effects = Dictionary((json?["rules"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0["effect"] as? String ?? "") },
                                 uniquingKeysWith: { first, _ in first })
        self.careNow = careNow
        shown = careNow ? fired.filter { !["supports", "information"].contains(effects[$0]) } : fired
        showsSupporting = shown.contains { effects[$0] == "supports" }
    }
}
