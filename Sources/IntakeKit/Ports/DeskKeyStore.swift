/// Where a desk's private key is kept (a file in the per-user config folder
/// for the executable, memory for tests), and the randomness a new key is
/// made from. Which file, and what is in it, are the application's (see
/// `DeskKeys`); the store only keeps the bytes private.
public protocol DeskKeyStore: AnyObject {
    /// The bytes of the private key file at `path`, or nil when there is
    /// none; refuses a file other people can read (they could sign as the
    /// desk) or that is not a regular file.
    func readPrivateKey(at path: String) throws(UserFacingError) -> [UInt8]?
    /// Saves the private key file at `path`, readable by its owner only, in
    /// a folder only its owner can open (created so, with the folders above
    /// it, when missing); refuses to replace a file unless `replacing`.
    func writePrivateKey(_ bytes: [UInt8], to path: String, replacing: Bool) throws(UserFacingError)
    /// Writes a public key file at `path`, meant to be handed out; refuses
    /// to replace a file.
    func writePublicKey(_ bytes: [UInt8], to path: String) throws(UserFacingError)
    /// `count` bytes from a cryptographically secure random source.
    func randomBytes(_ count: Int) -> [UInt8]
}
