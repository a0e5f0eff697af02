/// How many terminal columns text takes, with one table for every part of
/// intake: the screen, the line editor, wrapping, reports and validate's
/// "too wide for 80 columns" warning.
///
/// Wide characters (Chinese, Japanese, Korean syllables and leading jamo,
/// full-width forms, most emoji) take two columns; combining marks, format
/// characters, controls and Hangul vowel and final jamo (which join the
/// syllable before them) take none; a tab moves to the next multiple of
/// eight, as a terminal shows it for text that starts a line; everything
/// else takes one.
public enum ColumnWidth {
    /// The columns `text` takes.
    public static func of(_ text: some StringProtocol) -> Int {
        // The work is done on the bytes in place, by code written for them:
        // walking a generic string's scalars cost more than the wrapping
        // that asks.
        if let counted = text.utf8.withContiguousStorageIfAvailable(of(utf8:)) {
            return counted
        }
        return Array(text.utf8).withUnsafeBufferPointer(of(utf8:))
    }

    /// The columns the UTF-8 text in `bytes` takes (a byte that is not
    /// UTF-8 takes one, as its replacement character does).
    public static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // Plain ASCII, nearly all text: a column per printable byte, found
        // without looking up each character's Unicode properties.
        if let ascii = asciiColumns(bytes) { return ascii }
        var total = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar) where scalar == "\t": total = nextTabStop(after: total)
            case .scalarValue(let scalar): total += of(scalar)
            case .error: total += 1
            case .emptyInput: return total
            }
        }
    }

    /// The columns one scalar takes: 2, 1 or 0 (a tab counts 0 here: its
    /// width depends on where it stands).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if scalar.isASCII { return value >= 0x20 && value != 0x7F ? 1 : 0 }
        if value < 0xA0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        // Hangul vowel and final jamo join the leading consonant before
        // them into one wide syllable on screen.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        return isWide(value) ? 2 : 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,              // Hangul leading jamo
             0x2E80...0x303E,              // CJK radicals, punctuation
             0x3041...0x33FF,              // kana, compatibility jamo, CJK symbols
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F,              // Hangul jamo extended A
             0xAC00...0xD7A3,              // Hangul syllables
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Columns of text that is all ASCII: one per printable byte; nil when
    /// a byte is not ASCII.
    private static func asciiColumns(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var total = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte >= 0x20, byte != 0x7F {
                total += 1
            } else if byte == 0x09 {
                total = nextTabStop(after: total)
            }
        }
        return total
    }

    /// The column a tab at `column` moves to: the next multiple of eight.
    private static func nextTabStop(after column: Int) -> Int {
        (column / 8 + 1) * 8
    }
}
