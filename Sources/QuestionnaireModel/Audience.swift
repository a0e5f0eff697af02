/// Who is at the keyboard, and so whom every text speaks to: the person
/// answering for themselves ("you"), or a staff member at a front desk
/// interviewing a client ("the client").
///
/// A session's audience is recorded in its transcript header (`mode`), and
/// replay and reports speak as the session did.
public enum Audience: String, Sendable, CaseIterable {
    /// The person answering for themselves: "you".
    case `self`
    /// A staff member interviewing a client: "the client".
    case reception

    /// How a reception text starts a paragraph the staff member reads aloud
    /// to the client, in the client's own "you" (the welcome's privacy note,
    /// consent, the advice at an urgent stop). Shown highlighted at a terminal.
    public static let readAloudMark = "Read to the client:"

    /// Whose answers they are, to start a sentence: "Your", "The client's".
    public var answersOwner: String {
        self == .self ? "Your" : "The client's"
    }
}
