import TerminalText

/// What a Tab press does to the line: pure, so it is tested without a terminal.
struct CompletionEdit: Equatable {
    /// Unicode scalars to delete just before the cursor (libedit counts wide
    /// characters, which are scalars).
    var deleteScalars: Int
    /// Text to insert at the cursor after the deletion.
    var insert: String
    /// Candidates to list below the line; empty when there is nothing to show.
    var listing: [String]

    /// Whether the line stays as it is.
    var leavesLineUnchanged: Bool { deleteScalars == 0 && insert.isEmpty }

    /// The edit for `completion` when `textBeforeCursor` precedes the cursor.
    ///
    /// One candidate replaces the `replacing` characters before the cursor.
    /// Several replace them with their longest common prefix when that is at
    /// least as long as what was typed (so nothing typed is ever lost), and
    /// are listed. None leaves the line alone.
    init(completion: Completion, textBeforeCursor: String) {
        let candidates = completion.candidates
        let count = min(max(completion.replacing, 0), textBeforeCursor.count)
        let typed = String(textBeforeCursor.suffix(count))
        let replacement: String?
        switch candidates.count {
        case 0:
            replacement = nil
        case 1:
            replacement = candidates[0]
        default:
            let prefix = longestCommonPrefix(candidates)
            replacement = prefix.count >= typed.count ? prefix : nil
        }
        if let replacement, replacement != typed {
            // Keep what is shared with the typed text, edit only the rest, so
            // the cursor does not jump for a pure extension.
            let shared = commonPrefixLength(typed, replacement)
            let typedTail = typed.dropFirst(shared)
            deleteScalars = typedTail.unicodeScalars.count
            insert = String(replacement.dropFirst(shared))
        } else {
            deleteScalars = 0
            insert = ""
        }
        listing = candidates.count > 1 ? candidates : []
    }

    init(deleteScalars: Int, insert: String, listing: [String]) {
        self.deleteScalars = deleteScalars
        self.insert = insert
        self.listing = listing
    }
}

/// The longest string every element starts with, compared by `Character`.
func longestCommonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first else { return "" }
    for string in strings.dropFirst() {
        prefix = String(prefix.prefix(commonPrefixLength(prefix, string)))
        if prefix.isEmpty { break }
    }
    return prefix
}

/// How many leading characters `a` and `b` share.
private func commonPrefixLength(_ a: String, _ b: String) -> Int {
    var length = 0
    for (x, y) in zip(a, b) {
        guard x == y else { break }
        length += 1
    }
    return length
}

/// Lays `items` out in columns, filled top to bottom then left to right (as
/// `ls` does), in at most `width` terminal columns. Returns the rows, without
/// trailing spaces. An item wider than `width` gets a row of its own.
func columnLayout(_ items: [String], width: Int, gap: Int = 2) -> [String] {
    guard !items.isEmpty else { return [] }
    let widths = items.map { ColumnWidth.of($0) }
    let columnWidth = (widths.max() ?? 0) + gap
    let columns = max(1, min(items.count, (max(width, 1) + gap) / max(columnWidth, 1)))
    let rows = (items.count + columns - 1) / columns
    var lines: [String] = []
    lines.reserveCapacity(rows)
    for row in 0..<rows {
        var line = ""
        var column = row
        while column < items.count {
            let next = column + rows
            line += items[column]
            if next < items.count {
                line += String(repeating: " ", count: columnWidth - widths[column])
            }
            column = next
        }
        lines.append(line)
    }
    return lines
}
