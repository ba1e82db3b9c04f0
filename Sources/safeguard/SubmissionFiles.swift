import ArgumentParser
import FormEngine
import Foundation
import UseCases

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

    /// What `submit` is given, in order: runs of files, and folders whose `received.csv` says when each file came.
    enum Batch {
        /// Files submitted as received now (or on `--received-at`).
        case files([String])
        /// A folder's files as its `received.csv` lists them.
        case received(ReceivedFiles)

        /// How many files the batch holds.
        var count: Int {
            switch self {
            case .files(let paths): paths.count
            case .received(let received): received.paths.count
            }
        }
    }

    /// The batches the arguments stand for: a folder with a `received.csv` is one, its list read here (so a list
    /// that cannot be used is refused before anything is stored, naming its line); other files and folders make
    /// runs of files, as `expand` gives them.
    static func batches(_ arguments: [String]) throws -> [Batch] {
        var batches: [Batch] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue,
                Safeguarding.hasReceivedList(argument)
            {
                batches.append(.received(try Safeguarding.receivedFiles(in: argument)))
            } else if case .files(let run)? = batches.last {
                batches[batches.count - 1] = .files(run + (try expand([argument])))
            } else {
                batches.append(.files(try expand([argument])))
            }
        }
        return batches
    }
}
