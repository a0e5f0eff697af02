import TerminalText
import Testing

/// Terminal columns, not characters: what the screen, the line editor,
/// wrapping and validate's 80-column check all count, from one table.
@Suite struct ColumnWidthTests {
    @Test func textWidthIsCountedInTerminalColumns() {
        #expect(ColumnWidth.of("Neck") == 4)
        #expect(ColumnWidth.of("한국어") == 6)
        #expect(ColumnWidth.of("腰痛はありますか") == 16)
        #expect(ColumnWidth.of("e\u{301}paule") == 6, "a combining accent takes no column")
        #expect(ColumnWidth.of("cafe\u{301}") == 4)
        #expect(ColumnWidth.of("ñ") == 1)
        #expect(ColumnWidth.of("ｙｅｓ") == 6)
        // A tab moves to the next multiple of eight, as on a terminal.
        #expect(ColumnWidth.of("Pain:\tnow") == 11)
        #expect(ColumnWidth.of("\t") == 8)
        #expect(ColumnWidth.of("통증:\t지금") == 12)
    }

    /// A syllable typed as conjoining jamo (a leading consonant, a vowel, a
    /// final consonant) shows as one wide syllable: two columns, not six.
    /// The two tables intake had before disagreed here.
    @Test func hangulJamoJoinIntoOneWideSyllable() {
        let han = "\u{1112}\u{1161}\u{11AB}"  // ᄒ ᅡ ᆫ = 한
        #expect(ColumnWidth.of(han) == 2)
        #expect(ColumnWidth.of("한") == 2)
        #expect(ColumnWidth.of("ㅎㄹ") == 4, "compatibility jamo, as typed alone, are wide")
    }

    @Test func controlsTakeNoColumn() {
        #expect(ColumnWidth.of("a\u{1B}b") == 2)
        #expect(ColumnWidth.of("a\u{85}b") == 2)
        #expect(ColumnWidth.of("a\u{200B}b") == 2, "a zero-width space is a format character")
    }
}

/// One set of characters is escaped for the screen and replaced in reports.
@Suite struct PrintableTests {
    @Test func controlAndDirectionCharactersAreEscapedOnOneLine() {
        #expect(Printable.escaped("plain text, 한국어") == "plain text, 한국어")
        #expect(Printable.escaped("a\u{1B}[31mb") == "a\\u{1b}[31mb")
        #expect(Printable.escaped("line\nbreak") == "line\\u{a}break")
        #expect(Printable.escaped("\u{202E}evil") == "\\u{202e}evil")
        #expect(Printable.escaped("x\u{2028}y\u{9B}z") == "x\\u{2028}y\\u{9b}z")
        #expect(Printable.escaped(String(repeating: "a", count: 10), limit: 4) == "aaaa…")
    }

    @Test func pagesKeepTheirLineBreaksAndTabsAndLoseTheRest() {
        #expect(Printable.sanitized("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree\tfour")
        #expect(Printable.sanitized("a\u{1B}b\u{202E}c\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }

    @Test func bothAgreeOnWhatIsUnsafe() {
        for value in [0x00, 0x07, 0x1B, 0x7F, 0x85, 0x9F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069, 0xFFFE, 0xFFFF] as [UInt32] {
            let scalar = Unicode.Scalar(value)!
            #expect(Printable.isUnsafe(scalar))
            #expect(Printable.escaped(String(scalar)) != String(scalar))
        }
        for safe in ["a", "é", "한", " ", "\u{A0}", "\u{200B}"] {
            #expect(!Printable.isUnsafe(safe.unicodeScalars.first!))
        }
    }
}
