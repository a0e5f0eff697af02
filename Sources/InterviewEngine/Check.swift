import QuestionnaireModel

extension Interview {
    /// What an interview checks with the person before it takes an answer.
    /// A transcript's header names the checks its session made, so replay
    /// makes the same ones.
    public struct Checks: OptionSet, Sendable, Hashable {
        public let rawValue: Int

        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// Before an urgent stop marked `confirm`, the answer that leads
        /// there is read back to be confirmed, so one slip never ends a session.
        public static let urgentStops = Checks(rawValue: 1 << 0)
        /// An answer that matches nothing but is near one name is read back
        /// as "Did you mean ...?"; nothing is taken from it without a yes.
        public static let nearMatches = Checks(rawValue: 1 << 1)
        /// `:edit N` changes an earlier answer, and a review page lists every
        /// answer before the interview finishes.
        public static let review = Checks(rawValue: 1 << 2)
        /// Everything a person at the keyboard is asked.
        public static let all: Checks = [.urgentStops, .nearMatches, .review]

        /// The names written in a transcript's header, in this order.
        public var names: [String] {
            // Spelt out, not a table of pairs: a table's tuple metadata cost
            // more at start-up than the rest of writing the header.
            var names: [String] = []
            if contains(.urgentStops) { names.append("urgent-stops") }
            if contains(.nearMatches) { names.append("near-matches") }
            if contains(.review) { names.append("review") }
            return names
        }

        /// The checks `names` stand for; nil when one is unknown (a newer intake wrote it).
        public init?(names: [String]) {
            var checks: Checks = []
            for name in names {
                switch name {
                case "urgent-stops": checks.insert(.urgentStops)
                case "near-matches": checks.insert(.nearMatches)
                case "review": checks.insert(.review)
                default: return nil
                }
            }
            self = checks
        }
    }

    /// A yes/no question the interview asks about what was just typed,
    /// before it takes anything from it: "Did you mean Lower back? yes / no".
    public struct Check: Sendable, Equatable {
        /// Why the check is asked.
        public enum Reason: Sendable, Equatable {
            /// The answer leads to this urgent stop, which ends the interview.
            case urgentStop(String)
            /// What was typed matches nothing, but is near a name the question knows.
            case nearMatch

            var isUrgentStop: Bool {
                if case .urgentStop = self { return true }
                return false
            }
        }

        public var reason: Reason
        /// The question the check is about.
        public var node: String
        /// What the person typed.
        public var typed: String
        /// The question in words: "Did you mean Lower back?".
        public var question: String
        /// How to reply: "yes / no", or "yes / no, keep it as typed".
        public var replies: String
        /// The answer taken on yes.
        public var onYes: Answer
        /// The answer taken on no (the text kept as typed), or nil when no
        /// means the question is asked again.
        public var onNo: Answer?

        /// A check about what was typed at `node`.
        public init(reason: Reason, node: String, typed: String, question: String, replies: String = "yes / no", onYes: Answer, onNo: Answer? = nil) {
            self.reason = reason
            self.node = node
            self.typed = typed
            self.question = question
            self.replies = replies
            self.onYes = onYes
            self.onNo = onNo
        }

        /// The question and how to reply, as shown and recorded.
        public var prompt: String { "\(question) \(replies)" }

        /// What is said when the person answers no and nothing is kept.
        public var declined: String {
            switch reason {
            case .urgentStop: "All right: that answer is not kept. Please answer the question again."
            case .nearMatch: "All right: please type your answer again."
            }
        }
    }

    /// One question on the path, as `:review` and the review page number it.
    public struct ReviewItem: Sendable {
        /// From 1, in the order the questions were asked.
        public var number: Int
        public var node: Node
        /// Nil for an optional question left unanswered.
        public var answer: Answer?
    }
}

/// A check an application adds on answers the questionnaire accepted, such
/// as a medicine name near a known one ("Did you mean warfarin (a blood
/// thinner)? yes / no, keep it as typed"); nil when there is nothing to ask.
/// It must give the same check for the same answer, so replay agrees.
public typealias AnswerCheck = @Sendable (_ node: Node, _ answer: Answer) -> Interview.Check?
