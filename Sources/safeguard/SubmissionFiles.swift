import ArgumentParser
import FormEngine
import Foundation

/// The files a command is given: each file as named, and each folder as every YAML and JSON file in it and below
/// it, in the order of their paths. A folder is the way to hand over thousands of files: the argument parser takes
/// time that grows with the square of the number of arguments (about 11 s for 19,000 on one core).
enum SubmissionFiles {
    /// The file paths the arguments stand for.
    static func expand(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue else {
                paths.append(argument)
                continue
            }
            let found: [String]
            switch FileBytes.files(under: argument, endingIn: [".yaml", ".yml", ".json"]) {
            case .failure(let failure):
                throw ValidationError("The folder \(failure.path) cannot be read: \(failure.reason).")
            case .success(let files): found = files
            }
            guard !found.isEmpty else {
                throw ValidationError("The folder \(argument) holds no .yaml, .yml or .json file.")
            }
            paths += found
        }
        return paths
    }
}
