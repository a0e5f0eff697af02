/// Accented Latin letters and their plain forms, for matching what a person
/// types ("épaule", "Müller") without Foundation: generated from Unicode's
/// canonical decompositions of U+00C0–U+024F and U+1E00–U+1EFF, plus letters
/// that do not decompose (ß, æ, ø, œ, ł, đ, þ, ð, ı).
///
/// Each entry is the accented letter followed by its plain lower-case form.
enum LatinFolding {
    static let table: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for entry in entries {
            let scalars = entry.unicodeScalars
            table[scalars.first!] = String(String.UnicodeScalarView(scalars.dropFirst()))
        }
        return table
    }()

    private static let entries: [String] = [
        "Àa", "Áa", "Âa", "Ãa", "Äa", "Åa", "Æae", "Çc", "Èe", "Ée", "Êe", "Ëe", "Ìi", "Íi", "Îi", "Ïi",
        "Ðd", "Ñn", "Òo", "Óo", "Ôo", "Õo", "Öo", "Øo", "Ùu", "Úu", "Ûu", "Üu", "Ýy", "Þth", "ßss", "àa",
        "áa", "âa", "ãa", "äa", "åa", "æae", "çc", "èe", "ée", "êe", "ëe", "ìi", "íi", "îi", "ïi", "ðd",
        "ñn", "òo", "óo", "ôo", "õo", "öo", "øo", "ùu", "úu", "ûu", "üu", "ýy", "þth", "ÿy", "Āa", "āa",
        "Ăa", "ăa", "Ąa", "ąa", "Ćc", "ćc", "Ĉc", "ĉc", "Ċc", "ċc", "Čc", "čc", "Ďd", "ďd", "Đd", "đd",
        "Ēe", "ēe", "Ĕe", "ĕe", "Ėe", "ėe", "Ęe", "ęe", "Ěe", "ěe", "Ĝg", "ĝg", "Ğg", "ğg", "Ġg", "ġg",
        "Ģg", "ģg", "Ĥh", "ĥh", "Ħh", "ħh", "Ĩi", "ĩi", "Īi", "īi", "Ĭi", "ĭi", "Įi", "įi", "İi", "ıi",
        "Ĵj", "ĵj", "Ķk", "ķk", "ĸk", "Ĺl", "ĺl", "Ļl", "ļl", "Ľl", "ľl", "Łl", "łl", "Ńn", "ńn", "Ņn",
        "ņn", "Ňn", "ňn", "Ŋn", "ŋn", "Ōo", "ōo", "Ŏo", "ŏo", "Őo", "őo", "Œoe", "œoe", "Ŕr", "ŕr", "Ŗr",
        "ŗr", "Řr", "řr", "Śs", "śs", "Ŝs", "ŝs", "Şs", "şs", "Šs", "šs", "Ţt", "ţt", "Ťt", "ťt", "Ŧt",
        "ŧt", "Ũu", "ũu", "Ūu", "ūu", "Ŭu", "ŭu", "Ůu", "ůu", "Űu", "űu", "Ųu", "ųu", "Ŵw", "ŵw", "Ŷy",
        "ŷy", "Ÿy", "Źz", "źz", "Żz", "żz", "Žz", "žz", "ſs", "Ơo", "ơo", "Ưu", "ưu", "Ǎa", "ǎa", "Ǐi",
        "ǐi", "Ǒo", "ǒo", "Ǔu", "ǔu", "Ǖu", "ǖu", "Ǘu", "ǘu", "Ǚu", "ǚu", "Ǜu", "ǜu", "Ǟa", "ǟa", "Ǡa",
        "ǡa", "Ǧg", "ǧg", "Ǩk", "ǩk", "Ǫo", "ǫo", "Ǭo", "ǭo", "ǰj", "Ǵg", "ǵg", "Ǹn", "ǹn", "Ǻa", "ǻa",
        "Ȁa", "ȁa", "Ȃa", "ȃa", "Ȅe", "ȅe", "Ȇe", "ȇe", "Ȉi", "ȉi", "Ȋi", "ȋi", "Ȍo", "ȍo", "Ȏo", "ȏo",
        "Ȑr", "ȑr", "Ȓr", "ȓr", "Ȕu", "ȕu", "Ȗu", "ȗu", "Șs", "șs", "Țt", "țt", "Ȟh", "ȟh", "Ȧa", "ȧa",
        "Ȩe", "ȩe", "Ȫo", "ȫo", "Ȭo", "ȭo", "Ȯo", "ȯo", "Ȱo", "ȱo", "Ȳy", "ȳy", "Ḁa", "ḁa", "Ḃb", "ḃb",
        "Ḅb", "ḅb", "Ḇb", "ḇb", "Ḉc", "ḉc", "Ḋd", "ḋd", "Ḍd", "ḍd", "Ḏd", "ḏd", "Ḑd", "ḑd", "Ḓd", "ḓd",
        "Ḕe", "ḕe", "Ḗe", "ḗe", "Ḙe", "ḙe", "Ḛe", "ḛe", "Ḝe", "ḝe", "Ḟf", "ḟf", "Ḡg", "ḡg", "Ḣh", "ḣh",
        "Ḥh", "ḥh", "Ḧh", "ḧh", "Ḩh", "ḩh", "Ḫh", "ḫh", "Ḭi", "ḭi", "Ḯi", "ḯi", "Ḱk", "ḱk", "Ḳk", "ḳk",
        "Ḵk", "ḵk", "Ḷl", "ḷl", "Ḹl", "ḹl", "Ḻl", "ḻl", "Ḽl", "ḽl", "Ḿm", "ḿm", "Ṁm", "ṁm", "Ṃm", "ṃm",
        "Ṅn", "ṅn", "Ṇn", "ṇn", "Ṉn", "ṉn", "Ṋn", "ṋn", "Ṍo", "ṍo", "Ṏo", "ṏo", "Ṑo", "ṑo", "Ṓo", "ṓo",
        "Ṕp", "ṕp", "Ṗp", "ṗp", "Ṙr", "ṙr", "Ṛr", "ṛr", "Ṝr", "ṝr", "Ṟr", "ṟr", "Ṡs", "ṡs", "Ṣs", "ṣs",
        "Ṥs", "ṥs", "Ṧs", "ṧs", "Ṩs", "ṩs", "Ṫt", "ṫt", "Ṭt", "ṭt", "Ṯt", "ṯt", "Ṱt", "ṱt", "Ṳu", "ṳu",
        "Ṵu", "ṵu", "Ṷu", "ṷu", "Ṹu", "ṹu", "Ṻu", "ṻu", "Ṽv", "ṽv", "Ṿv", "ṿv", "Ẁw", "ẁw", "Ẃw", "ẃw",
        "Ẅw", "ẅw", "Ẇw", "ẇw", "Ẉw", "ẉw", "Ẋx", "ẋx", "Ẍx", "ẍx", "Ẏy", "ẏy", "Ẑz", "ẑz", "Ẓz", "ẓz",
        "Ẕz", "ẕz", "ẖh", "ẗt", "ẘw", "ẙy", "ẞss", "Ạa", "ạa", "Ảa", "ảa", "Ấa", "ấa", "Ầa", "ầa", "Ẩa",
        "ẩa", "Ẫa", "ẫa", "Ậa", "ậa", "Ắa", "ắa", "Ằa", "ằa", "Ẳa", "ẳa", "Ẵa", "ẵa", "Ặa", "ặa", "Ẹe",
        "ẹe", "Ẻe", "ẻe", "Ẽe", "ẽe", "Ếe", "ếe", "Ềe", "ềe", "Ểe", "ểe", "Ễe", "ễe", "Ệe", "ệe", "Ỉi",
        "ỉi", "Ịi", "ịi", "Ọo", "ọo", "Ỏo", "ỏo", "Ốo", "ốo", "Ồo", "ồo", "Ổo", "ổo", "Ỗo", "ỗo", "Ộo",
        "ộo", "Ớo", "ớo", "Ờo", "ờo", "Ởo", "ởo", "Ỡo", "ỡo", "Ợo", "ợo", "Ụu", "ụu", "Ủu", "ủu", "Ứu",
        "ứu", "Ừu", "ừu", "Ửu", "ửu", "Ữu", "ữu", "Ựu", "ựu", "Ỳy", "ỳy", "Ỵy", "ỵy", "Ỷy", "ỷy", "Ỹy",
        "ỹy",
    ]
}
