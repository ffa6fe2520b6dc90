import Foundation
import PackagePlugin

/// Embeds the sample city at the top of the package (civicpost.yml, content/, templates/,
/// hooks/, lexicons/) into the `CivicDefaults` module, so a built binary can write it
/// out anywhere without the source tree beside it.
@main
struct EmbedDefaults: BuildToolPlugin {
    static let roots = ["civicpost.yml", "content", "templates", "hooks", "lexicons"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var files: [String] = []
        for entry in Self.roots {
            files += Self.listFiles(at: root, relative: entry)
        }
        files.sort()
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles+Entries.swift")
        return [
            .buildCommand(
                displayName: "Embedding the sample city (\(files.count) files)",
                executable: try context.tool(named: "EmbedDefaultsTool").url,
                arguments: [output.path(), root.path()] + files,
                inputFiles: files.map { root.appending(path: $0) },
                outputFiles: [output]
            )
        ]
    }

    /// Regular files under `relative`, as package-relative paths; dot files are skipped.
    static func listFiles(at root: URL, relative: String) -> [String] {
        let url = root.appending(path: relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path(), isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [relative] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path())) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().flatMap {
            listFiles(at: root, relative: relative + "/" + $0)
        }
    }
}
