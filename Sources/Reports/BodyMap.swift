import QuestionnaireModel

/// A front and back outline of the body as inline SVG, shading the painful
/// regions and marking the main one.
///
/// Each of the 25 region codes of `BodyAreas.regionCodes` is drawn exactly
/// once, as one `path` carrying `data-region` and a `<title>`: the head, jaw,
/// front of the trunk, arms and legs on the front view; the neck, shoulders,
/// upper and lower back and the hips (buttocks) on the back view. Parts of the
/// outline that belong to the other view are grey. The person's left is on the
/// viewer's right in the front view and on the viewer's left in the back view.
///
/// Painful regions are hatched (and orange on screen); the main region is
/// cross-hatched dark red with a black dot and the word "main"; areas to
/// avoid have a heavy dashed outline and a no-entry sign; a position the
/// person cannot lie in is crossed out under the view worked in it (face
/// down: the back; flat on the back: the front). Everything reads in
/// black-and-white print too. The legend is HTML beside it (`legend(_:)`),
/// so it prints at the page's text size.
public enum BodyMap {
    /// Which outline a region is drawn on.
    public enum View: String, Sendable, CaseIterable {
        case front
        case back
    }

    /// The view that shows `code`, or nil for a code that is not a region.
    public static func view(of code: String) -> View? {
        regions.first { $0.code == code }?.view
    }

    /// The outline as an `<svg>` element (no XML declaration), to stand alone
    /// or sit inside an XHTML page. Codes not in `BodyAreas.regionCodes` are
    /// named in the description but not drawn.
    public static func svg(_ areas: BodyAreas, words: ProgramWords = ProgramWords()) -> String {
        let w = words.word
        var painful = Set(areas.painful)
        if let primary = areas.primary { painful.insert(primary) }
        let avoided = Set(areas.avoided.map(\.code))
        func label(_ code: String) -> String { areas.labels[code] ?? code }

        var out = ""
        out += #"<svg xmlns="http://www.w3.org/2000/svg" class="bodymap" viewBox="0 0 \#(canvasWidth) \#(canvasHeight)" width="\#(canvasWidth)" height="\#(canvasHeight)" role="img" aria-labelledby="bodymap-title bodymap-desc" font-family="Helvetica, Arial, &apos;Noto Sans CJK KR&apos;, sans-serif">"#
        out += "<title id=\"bodymap-title\">\(XML.escape(w("Where it hurts: body outline, front and back")))</title>"
        out += "<desc id=\"bodymap-desc\">\(XML.escape(description(areas, label: label, words: words)))</desc>"
        out += definitions()
        out += "<rect class=\"bodymap-background\" width=\"\(canvasWidth)\" height=\"\(canvasHeight)\" fill=\"#ffffff\"/>"
        var marker: (view: View, point: Point, code: String)?
        for view in View.allCases {
            let dx = view == .front ? frontOffset : backOffset
            out += "<g class=\"bodymap-view bodymap-\(view.rawValue)\" transform=\"translate(\(dx) \(figureTop))\">"
            out += "<text class=\"bodymap-view-label\" x=\"\(Self.format(centre))\" y=\"-6\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"#222222\">\(XML.escape(w(view == .front ? "Front" : "Back")))</text>"
            // The outline: every part stroked, then every part filled over
            // it, which leaves one clean line around the whole figure.
            out += "<g class=\"bodymap-outline\" aria-hidden=\"true\">"
            for part in silhouette {
                out += "<path d=\"\(part)\" fill=\"none\" stroke=\"\(outlineColour)\" stroke-width=\"2.4\" stroke-linejoin=\"round\"/>"
            }
            for part in silhouette {
                out += "<path d=\"\(part)\" fill=\"\(otherViewFill)\"/>"
            }
            out += "</g>"
            for region in regions where region.view == view {
                let isPainful = painful.contains(region.code)
                let isPrimary = areas.primary == region.code
                var classes = "region"
                var fill = regionFill
                var stroke = regionStroke
                var width = "0.7"
                var state = ""
                if isPainful {
                    classes += " painful"
                    fill = "url(#bodymap-painful)"
                    stroke = "#8a3b12"
                    width = "0.9"
                    state = " (\(w("painful")))"
                }
                if isPrimary {
                    classes += " primary"
                    fill = "url(#bodymap-primary)"
                    stroke = "#000000"
                    // Half of a clipped stroke is cut away along the outline.
                    width = "3"
                    state = " (\(w("main area")))"
                    marker = (view, region.anchor, region.code)
                }
                var dashes = ""
                if avoided.contains(region.code) {
                    classes += " avoid"
                    stroke = avoidColour
                    width = "3.4"
                    dashes = " stroke-dasharray=\"5 3\""
                    state = state.isEmpty ? " (\(w("avoid")))" : String(state.dropLast()) + "; \(w("avoid")))"
                    if fill == regionFill { fill = "#ffffff" }
                }
                var attributes = "class=\"\(classes)\" data-region=\"\(region.code)\" d=\"\(region.path)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(width)\"\(dashes) stroke-linejoin=\"round\""
                if let clip = region.clip { attributes += " clip-path=\"url(#\(clip.id))\"" }
                out += "<path \(attributes)><title>\(XML.escape(label(region.code) + state))</title></path>"
            }
            for region in regions where region.view == view && avoided.contains(region.code) {
                // Beside the main dot when both mark the same region.
                let shift = areas.primary == region.code ? 13.0 : 0
                out += avoidSign(at: Point(x: region.anchor.x, y: region.anchor.y + shift), code: region.code)
            }
            if let position = positionLimit(for: view, in: areas, words: words) {
                out += positionTag(position)
            }
            let (left, right) = view == .front ? (w("R"), w("L")) : (w("L"), w("R"))
            out += "<text class=\"bodymap-side\" x=\"14\" y=\"300\" text-anchor=\"middle\" font-size=\"13\" fill=\"#444444\">\(left)</text>"
            out += "<text class=\"bodymap-side\" x=\"\(Self.format(2 * centre - 14))\" y=\"300\" text-anchor=\"middle\" font-size=\"13\" fill=\"#444444\">\(right)</text>"
            if let marker, marker.view == view {
                out += mainMarker(at: marker.point, code: marker.code, words: words)
            }
            out += "</g>"
        }
        out += "</svg>"
        return out
    }

    // MARK: - Drawing pieces

    static let canvasWidth = 400
    static let canvasHeight = 486
    static let frontOffset = 10
    static let backOffset = 210
    static let figureTop = 24
    /// The x of the figure's midline inside a view.
    static let centre = 90.0
    static let outlineColour = "#3a3a3a"
    static let otherViewFill = "#dcd8d2"
    static let regionFill = "#fdfcfa"
    static let regionStroke = "#958f87"
    static let avoidColour = "#4a2a8c"

    static func description(_ areas: BodyAreas, label: (String) -> String, words: ProgramWords = ProgramWords()) -> String {
        let w = words.word
        let drawn = Set(regions.map(\.code))
        var painful = areas.painful
        if let primary = areas.primary, !painful.contains(primary) { painful.append(primary) }
        func named(_ code: String) -> String {
            var text = label(code)
            if code == areas.primary { text += " (\(w("main area")))" }
            if let view = view(of: code) { text += ", " + w("\(view.rawValue) view") }
            if !drawn.contains(code) { text += ", " + w("not on the outline") }
            return text
        }
        var sentences = [painful.isEmpty ? w("No painful areas were marked.") : w("Painful areas:") + " " + painful.map(named).joined(separator: "; ") + "."]
        if !areas.avoided.isEmpty {
            sentences.append(w("To avoid or take care with:") + " " + areas.avoided.map { label($0.code) }.joined(separator: "; ") + ".")
        }
        for view in View.allCases {
            if let position = positionLimit(for: view, in: areas, words: words) {
                sentences.append("\(position.text), " + w("crossed out under the \(view.rawValue) view."))
            }
        }
        return sentences.joined(separator: " ")
    }

    static func definitions() -> String {
        var out = "<defs>"
        out += ##"<pattern id="bodymap-painful" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f6c29c"/><line x1="1" y1="0" x2="1" y2="6" stroke="#b8531c" stroke-width="1.7"/></pattern>"##
        out += ##"<pattern id="bodymap-primary" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)"><rect width="5" height="5" fill="#a3191d"/><line x1="0.5" y1="0" x2="0.5" y2="5" stroke="#ffffff" stroke-width="0.9"/><line x1="0" y1="0.5" x2="5" y2="0.5" stroke="#ffffff" stroke-width="0.9"/></pattern>"##
        for clip in Clip.allCases {
            out += "<clipPath id=\"\(clip.id)\">"
            for part in clip.parts { out += "<path d=\"\(part)\"/>" }
            out += "</clipPath>"
        }
        out += "</defs>"
        return out
    }

    /// A dot on the main region and the word "main" beside it, on a white
    /// halo so it reads over any hatching.
    static func mainMarker(at point: Point, code: String, words: ProgramWords = ProgramWords()) -> String {
        let toTheLeft = point.x < centre - 1
        let textX = toTheLeft ? point.x - 8 : point.x + 8
        var out = "<g class=\"bodymap-main-marker\" data-marks=\"\(code)\" aria-hidden=\"true\">"
        out += "<circle cx=\"\(format(point.x))\" cy=\"\(format(point.y))\" r=\"4.5\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"1.6\"/>"
        out += "<text x=\"\(format(textX))\" y=\"\(format(point.y + 4))\" text-anchor=\"\(toTheLeft ? "end" : "start")\" font-size=\"12\" font-weight=\"bold\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"3.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">\(XML.escape(words.word("main")))</text>"
        out += "</g>"
        return out
    }

    /// A no-entry sign (a ring with a bar) on a region to avoid.
    static func avoidSign(at point: Point, code: String) -> String {
        let x = format(point.x)
        let y = format(point.y)
        var out = "<g class=\"bodymap-avoid-sign\" data-marks=\"\(code)\" aria-hidden=\"true\">"
        out += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"6\" fill=\"#ffffff\" stroke=\"\(avoidColour)\" stroke-width=\"2.2\"/>"
        out += "<line x1=\"\(format(point.x - 4))\" y1=\"\(format(point.y + 4))\" x2=\"\(format(point.x + 4))\" y2=\"\(format(point.y - 4))\" stroke=\"\(avoidColour)\" stroke-width=\"2.2\"/>"
        out += "</g>"
        return out
    }

    /// The position a view is worked in, when the person cannot lie in it:
    /// the back is worked face down, the front lying on the back.
    static func positionLimit(for view: View, in areas: BodyAreas, words: ProgramWords = ProgramWords()) -> (code: String, text: String)? {
        let code = view == .back ? "cannot-lie-face-down" : "cannot-lie-flat"
        guard areas.positions.contains(code) else { return nil }
        return (code, words.word(view == .back ? "Not face down" : "Not flat on back"))
    }

    /// A crossed-out tag under a view's figure, naming the position.
    static func positionTag(_ position: (code: String, text: String)) -> String {
        let y = 446.0
        var out = "<g class=\"bodymap-position\" data-position=\"\(position.code)\">"
        out += "<rect x=\"8\" y=\"\(format(y - 13))\" width=\"164\" height=\"20\" rx=\"3\" fill=\"#ffffff\" stroke=\"\(avoidColour)\" stroke-width=\"1.8\"/>"
        out += "<path d=\"M 16 \(format(y - 8)) L 26 \(format(y + 2)) M 26 \(format(y - 8)) L 16 \(format(y + 2))\" stroke=\"\(avoidColour)\" stroke-width=\"2.4\"/>"
        out += "<text x=\"33\" y=\"\(format(y + 1.5))\" font-size=\"13\" font-weight=\"bold\" fill=\"#222222\">\(XML.escape(position.text))</text>"
        out += "</g>"
        return out
    }

    /// The key to the map as HTML, so it prints at the page's text size:
    /// every kind of mark with a sample of it.
    public static func legend(_ areas: BodyAreas, words: ProgramWords = ProgramWords()) -> String {
        let w = words.word
        func swatch(_ body: String) -> String {
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">\(body)</svg>"
        }
        let hatch = (0..<5).map { "<line x1=\"\($0 * 5 - 6)\" y1=\"16\" x2=\"\($0 * 5 + 10)\" y2=\"0\" stroke=\"#b8531c\" stroke-width=\"1.6\"/>" }.joined()
        var items: [(String, String)] = [
            (w("painful"), swatch("<rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" fill=\"#f6c29c\" stroke=\"#8a3b12\"/>\(hatch)")),
            (w("main area"), swatch("<rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" fill=\"#a3191d\" stroke=\"#000000\" stroke-width=\"1.5\"/><circle cx=\"8\" cy=\"8\" r=\"3.4\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>")),
            (w("avoid"), swatch("<rect x=\"1\" y=\"1\" width=\"14\" height=\"14\" fill=\"#ffffff\" stroke=\"\(avoidColour)\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/><circle cx=\"8\" cy=\"8\" r=\"4\" fill=\"#ffffff\" stroke=\"\(avoidColour)\" stroke-width=\"1.5\"/><line x1=\"5.5\" y1=\"10.5\" x2=\"10.5\" y2=\"5.5\" stroke=\"\(avoidColour)\" stroke-width=\"1.5\"/>")),
            (w("not marked"), swatch("<rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" fill=\"\(regionFill)\" stroke=\"\(regionStroke)\"/>")),
            (w("other view"), swatch("<rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" fill=\"\(otherViewFill)\" stroke=\"\(regionStroke)\"/>")),
        ]
        if !areas.positions.isEmpty {
            items.append((w("can\u{2019}t lie in the position that side is worked in"), swatch("<path d=\"M 3 3 L 13 13 M 13 3 L 3 13\" stroke=\"\(avoidColour)\" stroke-width=\"2.4\"/>")))
        }
        var out = "<ul class=\"bodymap-legend\">"
        for (text, sample) in items { out += "<li>\(sample) \(XML.escape(text))</li>" }
        out += "</ul>"
        return out
    }

    /// Coordinates without trailing zeros ("12", "12.5").
    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}

// MARK: - Geometry

extension BodyMap {
    /// One drawn region: its code, the view it is on, its outline, the
    /// body part it is clipped to, and where the "main" dot goes.
    struct Region {
        var code: String
        var view: View
        var path: String
        var clip: Clip?
        var anchor: Point
    }

    struct Point {
        var x: Double
        var y: Double
    }

    // Each view is 180 wide with the midline at x = 90; parts are drawn for
    // the viewer's left side and mirrored for the other side.
    static let head = "M 90 8 C 101 8 110 19.2 110 33 C 110 46.8 101 58 90 58 C 79 58 70 46.8 70 33 C 70 19.2 79 8 90 8 Z"
    static let neck = "M 81 48 L 99 48 L 101 76 L 79 76 Z"
    static let torso = "M 83 66 C 78 72 66 75 56 80 C 58 90 62 100 63 110 C 64 130 68 150 67 168 C 66 182 60 194 61 206 C 61 216 61 226 62 236 L 90 244 L 118 236 C 119 226 119 216 119 206 C 120 194 114 182 113 168 C 112 150 116 130 117 110 C 118 100 122 90 124 80 C 114 75 102 72 97 66 Z"
    static let arm = "M 58 78 C 49 80 44 88 44 98 C 43 118 42 140 43 160 C 41 182 38 205 38 228 L 49 228 C 51 205 55 182 57 160 C 59 140 62 122 63 108 C 64 96 64 84 58 78 Z"
    static let hand = "M 38 226 C 34 236 34 250 37 260 C 39 267 47 267 49 260 C 51 250 51 238 49 226 Z"
    static let leg = "M 61 226 C 58 260 62 292 67 318 C 66 330 66 338 69 346 C 65 366 68 392 73 412 L 83 412 C 86 392 88 366 85 346 C 87 336 87 326 86 318 C 88 290 90 262 90 244 Z"
    static let foot = "M 73 410 C 71 418 66 424 66 428 C 67 432 84 432 85 428 C 85 422 84 416 83 410 Z"

    /// Every part of the outline, both sides; the head last so it sits over the neck.
    static let silhouette: [String] = [neck, torso, arm, PathGeometry.mirror(arm), hand, PathGeometry.mirror(hand),
                                       leg, PathGeometry.mirror(leg), foot, PathGeometry.mirror(foot), head]

    /// The body parts regions are clipped to, so their edges follow the outline.
    enum Clip: CaseIterable {
        case torso, neck
        case armViewerLeft, armViewerRight, legViewerLeft, legViewerRight
        case torsoAndArmViewerLeft, torsoAndArmViewerRight, torsoAndLegViewerLeft, torsoAndLegViewerRight

        var id: String {
            switch self {
            case .torso: "bodymap-clip-torso"
            case .neck: "bodymap-clip-neck"
            case .armViewerLeft: "bodymap-clip-arm-a"
            case .armViewerRight: "bodymap-clip-arm-b"
            case .legViewerLeft: "bodymap-clip-leg-a"
            case .legViewerRight: "bodymap-clip-leg-b"
            case .torsoAndArmViewerLeft: "bodymap-clip-torso-arm-a"
            case .torsoAndArmViewerRight: "bodymap-clip-torso-arm-b"
            case .torsoAndLegViewerLeft: "bodymap-clip-torso-leg-a"
            case .torsoAndLegViewerRight: "bodymap-clip-torso-leg-b"
            }
        }

        var parts: [String] {
            // Mirrored parts are reversed too, so every part winds the same
            // way and a clip made of two parts is their union in every renderer.
            switch self {
            case .torso: [BodyMap.torso]
            case .neck: [BodyMap.neck]
            case .armViewerLeft: [BodyMap.arm]
            case .armViewerRight: [PathGeometry.mirror(BodyMap.arm)]
            case .legViewerLeft: [BodyMap.leg]
            case .legViewerRight: [PathGeometry.mirror(BodyMap.leg)]
            case .torsoAndArmViewerLeft: [BodyMap.torso, BodyMap.arm]
            case .torsoAndArmViewerRight: [BodyMap.torso, PathGeometry.mirror(BodyMap.arm)]
            case .torsoAndLegViewerLeft: [BodyMap.torso, BodyMap.leg]
            case .torsoAndLegViewerRight: [BodyMap.torso, PathGeometry.mirror(BodyMap.leg)]
            }
        }

        /// The same part on the viewer's other side.
        var mirrored: Clip {
            switch self {
            case .torso, .neck: self
            case .armViewerLeft: .armViewerRight
            case .armViewerRight: .armViewerLeft
            case .legViewerLeft: .legViewerRight
            case .legViewerRight: .legViewerLeft
            case .torsoAndArmViewerLeft: .torsoAndArmViewerRight
            case .torsoAndArmViewerRight: .torsoAndArmViewerLeft
            case .torsoAndLegViewerLeft: .torsoAndLegViewerRight
            case .torsoAndLegViewerRight: .torsoAndLegViewerLeft
            }
        }
    }

    /// A region on the midline.
    private static func single(_ code: String, _ view: View, _ path: String, clip: Clip?, anchor: (Double, Double)) -> [Region] {
        [Region(code: code, view: view, path: path, clip: clip, anchor: Point(x: anchor.0, y: anchor.1))]
    }

    /// A region drawn on the viewer's left and mirrored: the viewer's left is
    /// the person's right on the front view and their left on the back view.
    private static func sided(_ base: String, _ view: View, _ path: String, clip: Clip?, anchor: (Double, Double)) -> [Region] {
        let (viewerLeft, viewerRight) = view == .front ? ("right", "left") : ("left", "right")
        return [
            Region(code: "\(base)-\(viewerLeft)", view: view, path: path, clip: clip, anchor: Point(x: anchor.0, y: anchor.1)),
            Region(code: "\(base)-\(viewerRight)", view: view, path: PathGeometry.mirror(path), clip: clip?.mirrored,
                   anchor: Point(x: 2 * centre - anchor.0, y: anchor.1)),
        ]
    }

    /// The 25 regions, each once.
    static let regions: [Region] = {
        var all: [Region] = []
        // Front: head, jaw, the front of the trunk, the arms and the legs.
        all += single("head", .front, "M 70.6 39 C 76 45 83 47.5 90 47.5 C 97 47.5 104 45 109.4 39 L 110 33 C 110 19.2 101 8 90 8 C 79 8 70 19.2 70 33 Z", clip: nil, anchor: (90, 27))
        all += single("jaw", .front, "M 70.6 39 C 72 50 80 58 90 58 C 100 58 108 50 109.4 39 C 104 45 97 47.5 90 47.5 C 83 47.5 76 45 70.6 39 Z", clip: nil, anchor: (90, 53))
        all += single("chest", .front, "M 30 86 C 60 90 75 84 90 84 C 105 84 120 90 150 86 L 150 148 L 30 148 Z", clip: .torso, anchor: (90, 116))
        all += single("abdomen", .front, "M 30 148 L 150 148 L 150 202 L 30 202 Z", clip: .torso, anchor: (90, 176))
        all += sided("upper-arm", .front, "M 20 96 L 70 104 L 70 160 L 20 160 Z", clip: .armViewerLeft, anchor: (52, 131))
        all += sided("lower-arm", .front, "M 20 160 L 70 160 L 70 228 L 20 228 Z", clip: .armViewerLeft, anchor: (47, 194))
        all += sided("hand", .front, hand, clip: nil, anchor: (42.5, 246))
        all += sided("upper-leg", .front, "M 40 222 L 92 244 L 100 244 L 100 318 L 40 318 Z", clip: .legViewerLeft, anchor: (75, 282))
        all += sided("knee", .front, "M 40 318 L 100 318 L 100 346 L 40 346 Z", clip: .legViewerLeft, anchor: (77, 332))
        all += sided("lower-leg", .front, "M 40 346 L 100 346 L 100 411 L 40 411 Z", clip: .legViewerLeft, anchor: (77, 378))
        all += sided("foot", .front, foot, clip: nil, anchor: (76, 423))
        // Back: neck, shoulders, upper and lower back, hips and buttocks.
        all += single("neck", .back, "M 76 50 C 82 57 98 57 104 50 L 104 72 L 76 72 Z", clip: .neck, anchor: (90, 64))
        all += sided("shoulder", .back, "M 83 66 L 70 92 L 56 102 L 30 104 L 30 60 Z", clip: .torsoAndArmViewerLeft, anchor: (57, 88))
        all += single("upper-back", .back, "M 83 66 L 97 66 L 110 92 L 124 102 L 150 104 L 150 150 L 30 150 L 30 104 L 56 102 L 70 92 Z", clip: .torso, anchor: (90, 118))
        all += single("lower-back", .back, "M 30 150 L 150 150 L 150 200 L 30 200 Z", clip: .torso, anchor: (90, 176))
        all += sided("hip", .back, "M 30 200 L 90 200 L 90 244 C 84 250 72 252 62 248 L 30 248 Z", clip: .torsoAndLegViewerLeft, anchor: (75, 224))
        return all
    }()
}

// MARK: - Path arithmetic

/// Mirrors the small path language the outline is written in: absolute
/// `M`, `L`, `C` and a closing `Z`.
enum PathGeometry {
    /// `path` reflected about the midline (x -> 180 - x) and traced the other
    /// way round, so it winds the same way as the original.
    static func mirror(_ path: String, width: Double = 2 * BodyMap.centre) -> String {
        var segments: [(command: Character, from: (Double, Double), points: [(Double, Double)])] = []
        var current = (0.0, 0.0)
        let tokens = path.split(separator: " ")
        var index = 0
        func number() -> Double {
            defer { index += 1 }
            return Double(tokens[index]) ?? 0
        }
        while index < tokens.count {
            let command = Character(String(tokens[index]))
            index += 1
            let count: Int
            switch command {
            case "M", "L": count = 1
            case "C": count = 3
            default: count = 0
            }
            if command == "Z" { break }
            var points: [(Double, Double)] = []
            for _ in 0..<count {
                let x = number()
                let y = number()
                points.append((width - x, y))
            }
            if command == "M" {
                current = points[0]
            } else {
                segments.append((command, current, points))
                current = points[points.count - 1]
            }
        }
        func show(_ point: (Double, Double)) -> String { "\(BodyMap.format(point.0)) \(BodyMap.format(point.1))" }
        var out = "M \(show(current))"
        for segment in segments.reversed() {
            if segment.command == "C" {
                out += " C \(show(segment.points[1])) \(show(segment.points[0])) \(show(segment.from))"
            } else {
                out += " L \(show(segment.from))"
            }
        }
        return out + " Z"
    }
}
