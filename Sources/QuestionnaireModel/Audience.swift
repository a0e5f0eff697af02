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

    /// Whose answers they are, to start a sentence: "Your", "The client's".
    public var answersOwner: String {
        self == .self ? "Your" : "The client's"
    }
}
