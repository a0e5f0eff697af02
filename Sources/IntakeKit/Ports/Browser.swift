/// A web browser that lays out a page and prints it to PDF, given by the
/// executable (a headless Chromium) or by a test. The application makes
/// the page and says what went wrong; the port only drives the browser.
public protocol Browser {
    /// `html` (one self-contained page, its paper size in its `@page`
    /// rule) printed to PDF without the browser's own header and footer.
    func pdf(fromHTML html: [UInt8]) throws(BrowserError) -> [UInt8]
}

/// Why a PDF could not be made.
public enum BrowserError: Error, Sendable, Equatable {
    /// No browser is installed; `package` is what to install.
    case notInstalled(package: String)
    /// The browser ran but gave no PDF: what it said, shortened.
    case failed(String)
}
