#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads files with POSIX calls, so a failure says exactly why (no such file, permission denied, a folder)
/// and an oversized file is never read whole into memory.
public enum FileBytes {
    /// Why a file could not be read, in words.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The path as given.
        public let path: String
        /// The reason, such as "no such file".
        public let reason: String
        /// "path: reason".
        public var description: String { "\(path): \(reason)" }
    }

    /// The file's bytes, at most `limit + 1` of them, and the file's whole size. Only a regular file is read: a
    /// named pipe, a device or a socket is refused at once (opened without waiting, so a pipe with no writer does
    /// not hang the reader).
    public static func read(_ path: String, limit: Int = Int.max - 1) -> Result<(bytes: [UInt8], size: Int), Failure> {
        let descriptor = open(path, openFlags)
        return read(path, limit: limit, opened: descriptor, error: descriptor < 0 ? errno : 0)
    }

    /// How a file is opened to be read: without waiting on a pipe, and never as the controlling terminal.
    static let openFlags = O_RDONLY | O_NONBLOCK | O_NOCTTY

    /// `read(_:limit:)` of a file already opened as `descriptor` (closed here), or not opened for `error`.
    static func read(
        _ path: String, limit: Int, opened descriptor: Int32, error: Int32
    ) -> Result<(bytes: [UInt8], size: Int), Failure> {
        guard descriptor >= 0 else { return .failure(Failure(path: path, reason: reason(error))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Failure(path: path, reason: reason(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(Failure(path: path, reason: "is a folder, not a file"))
        case S_IFIFO: return .failure(Failure(path: path, reason: "is a named pipe, not a file"))
        case S_IFCHR, S_IFBLK: return .failure(Failure(path: path, reason: "is a device, not a file"))
        default: return .failure(Failure(path: path, reason: "is not a regular file"))
        }
        let size = Int(status.st_size)
        let wanted = min(max(size, 0), limit + 1)
        // Read straight into the array's storage: no zeros written first.
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, total in
            total = 0
            while total < wanted {
                let count = Glibc.read(descriptor, buffer.baseAddress! + total, wanted - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { return }
                total += count
            }
        }
        if failure != 0 { return .failure(Failure(path: path, reason: reason(failure))) }
        return .success((bytes, max(size, bytes.count)))
    }

    /// Writes `bytes` to a new or emptied file; false when it cannot be written.
    public static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// The `.yaml` and `.yml` files directly in a folder, sorted by name.
    public static func yamlFiles(in directory: String) -> Result<[String], Failure> {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var found: [String] = []
        let failure = forEachEntry(in: directory) { bytes, isFolder in
            let name = String(decoding: bytes, as: UTF8.self)
            if !isFolder && (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) { found.append(prefix + name) }
        }
        if let failure { return .failure(failure) }
        return .success(found.sorted())
    }

    /// The files in a folder and every folder below it whose names end (in any case) with one of `endings`,
    /// sorted by path (`PathOrder`) unless `sorted` is false (a caller that only looks names up need not sort them).
    /// Read with `opendir` and `readdir`: for 20,000 files, Foundation's enumerator took a twentieth of `validate`'s
    /// whole time.
    public static func files(under folder: String, endingIn endings: [String], sorted: Bool = true) -> Result<
        [String], Failure
    > {
        let wanted = endings.map { Array($0.lowercased().utf8) }
        var found: [String] = []
        var folders = [folder.hasSuffix("/") ? String(folder.dropLast()) : folder]
        while let current = folders.popLast() {
            // Each path is made once, from the folder's path and the entry's name as bytes: no string for the name
            // alone, none lowercased (360,000 of each for the national sample).
            let prefix = Array(current.utf8) + [UInt8(ascii: "/")]
            let failure = forEachEntry(in: current) { name, isFolder in
                guard isFolder || wanted.contains(where: { name.hasSuffix(lowercased: $0) }) else { return }
                let path = String(unsafeUninitializedCapacity: prefix.count + name.count) { buffer in
                    _ = buffer.initialize(from: prefix)
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[prefix.count...]).initialize(from: name)
                    return prefix.count + name.count
                }
                if isFolder { folders.append(path) } else { found.append(path) }
            }
            if let failure { return .failure(failure) }
        }
        return .success(sorted ? PathOrder.sorted(found) : found)
    }

    /// Hands each name in a folder (not `.` or `..`), as its bytes, to `body` with whether it is a folder itself (a
    /// link is not); the failure when the folder cannot be read.
    private static func forEachEntry(
        in directory: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void
    ) -> Failure? {
        guard let stream = opendir(directory) else { return Failure(path: directory, reason: reason(errno)) }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let name = UnsafeBufferPointer(
                    start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    count: raw.firstIndex(of: 0) ?? raw.count)
                if name.count <= 2, name.allSatisfy({ $0 == UInt8(ascii: ".") }) { return }
                // A link to a folder is not followed (a link to its own parent would never end).
                var isFolder = Int32(entry.pointee.d_type) == DT_DIR
                if Int32(entry.pointee.d_type) == DT_UNKNOWN {
                    var status = stat()
                    isFolder =
                        lstat(directory + "/" + String(decoding: name, as: UTF8.self), &status) == 0
                        && (status.st_mode & S_IFMT) == S_IFDIR
                }
                body(name, isFolder)
            }
        }
        return nil
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EACCES: return "permission denied"
        case EISDIR: return "is a folder, not a file"
        case ENOTDIR: return "a part of the path is not a folder"
        default: return String(cString: strerror(code))
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// True when the bytes end with `ending` (lowercase ASCII), in any case: `.YAML` ends with `.yaml`.
    fileprivate func hasSuffix(lowercased ending: [UInt8]) -> Bool {
        guard count >= ending.count else { return false }
        return zip(self[(count - ending.count)...], ending).allSatisfy { byte, wanted in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == wanted
        }
    }
}
