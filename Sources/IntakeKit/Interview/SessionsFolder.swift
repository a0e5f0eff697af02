/// Where sessions are saved, and where the commands that read them look
/// when no folder is named: one answer for `run`, `replay` and the rest.
///
/// By default each user's own data folder (the XDG base directory
/// `$XDG_DATA_HOME/intake/sessions`, else
/// `~/.local/share/intake/sessions`), never the folder intake happened to be
/// started in: a person trying intake from their downloads folder must not
/// leave health information there, nor find their sessions scattered over
/// every folder they started it from.
public enum SessionsFolder {
    /// The variable that names the sessions folder for every command.
    public static let variable = "INTAKE_TRANSCRIPTS"

    /// `named` (`--transcripts`, or a command's folder argument) when given,
    /// else `$INTAKE_TRANSCRIPTS`, else the per-user data folder. The home
    /// folder comes from `HOME` in `environment`; an XDG folder that is
    /// not a full path is ignored, as the XDG spec says.
    public static func resolve(_ named: String?, environment: [String: String]) throws(UserFacingError) -> String {
        if let named, !named.isEmpty { return named }
        if let fromEnvironment = environment[variable], !fromEnvironment.isEmpty { return fromEnvironment }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return joined(data, "intake/sessions")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return joined(home, ".local/share/intake/sessions")
        }
        throw UserFacingError("neither HOME nor XDG_DATA_HOME is set, so there is no data folder to keep sessions in: name one with --transcripts DIR (or INTAKE_TRANSCRIPTS)")
    }

    private static func joined(_ folder: String, _ rest: String) -> String {
        folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
    }
}
