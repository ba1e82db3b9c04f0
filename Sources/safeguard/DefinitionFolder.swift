import ArgumentParser
import Foundation

/// Where the forms and rules are read from when no folder is given: the working folder's, else those shipped with
/// safeguard, installed beside the binary (`Forms/` next to it, or `../share/safeguard/Forms`) or in the checkout
/// it was built from.
enum DefinitionFolder {
    /// The folder to read: the one given (which must exist), else `./<name>`, else a shipped one, announced on
    /// standard error; none found is a usage error naming the option.
    static func resolve(_ given: String?, name: String, option: String, what: String) throws -> String {
        var isFolder: ObjCBool = false
        if let given {
            guard FileManager.default.fileExists(atPath: given, isDirectory: &isFolder) else {
                throw ValidationError(
                    "The \(what) folder '\(given)' was not found. Give the folder that holds them with \(option).")
            }
            guard isFolder.boolValue else {
                throw ValidationError("'\(given)' is a file, not a folder of \(what). Give the folder with \(option).")
            }
            return given
        }
        if FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), isFolder.boolValue { return name }
        for folder in shipped(name) {
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue {
                printError(
                    "note: there is no ./\(name) here, so the \(what) shipped with safeguard are read: \(folder)")
                return folder
            }
        }
        throw ValidationError(
            "There is no ./\(name) folder here, and no \(what) are installed beside safeguard. Give the folder with "
                + "\(option), or run safeguard in the folder that holds \(name)/.")
    }

    /// The places a shipped folder may be, the nearest first.
    static func shipped(_ name: String) -> [String] {
        // The running binary, from the kernel's link to it (`Bundle.main` crashes when the binary's folder cannot be
        // read, as for a user the checkout is not shared with), or else as it was invoked.
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        // This file is Sources/safeguard/DefinitionFolder.swift in the checkout safeguard was built from.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return [
            binary.appendingPathComponent(name).path,
            binary.appendingPathComponent("../share/safeguard/\(name)").standardized.path,
            checkout.appendingPathComponent(name).path,
        ]
    }
}
