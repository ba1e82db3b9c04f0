import ArgumentParser
import FormEngine
import Foundation

/// Makes sure `path` is a folder to write files into, creating it when needed; refuses a path that is a file.
func outputFolder(_ path: String, option: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
        guard isFolder.boolValue else {
            throw ValidationError(
                "\(path) is a file, not a folder: \(option) names the folder the CSV files (one a table) go into. "
                    + "Give a new or existing folder.")
        }
        return
    }
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        printError("\(path): error: the folder cannot be made: \((error as NSError).localizedDescription)")
        throw ExitCode(1)
    }
}

/// Writes `text` to the file at `path` and says so, or ends the command saying it cannot be written.
func save(_ text: String, to path: String) throws {
    try save(bytes: Array(text.utf8), to: path)
}

/// Writes `bytes` to the file at `path` and says so, or ends the command saying it cannot be written.
func save(bytes: [UInt8], to path: String) throws {
    guard FileBytes.write(bytes, to: path) else {
        printError("\(path): error: the file cannot be written.")
        throw ExitCode(1)
    }
    printOut("wrote \(path)\n")
}
