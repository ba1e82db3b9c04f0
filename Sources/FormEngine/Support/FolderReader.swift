#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads many files as `FileBytes.read` does, keeping the folder of the last one open: a file in the same folder is
/// opened by its name there (`openat`), not by its whole path, which the kernel would walk again, folder by folder,
/// for every file (and two cores walking the same folders at once contend for them). One reader for each task: it
/// is not shared.
public final class FolderReader {
    /// The folder open, as its path's bytes, and its descriptor (-1 when none is).
    private var folder: [UInt8] = []
    private var descriptor: Int32 = -1

    /// A reader with no folder open yet.
    public init() {}

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The file's bytes and size, or why it cannot be read, exactly as `FileBytes.read(_:limit:)` says.
    public func read(_ path: String, limit: Int) -> Result<(bytes: [UInt8], size: Int), FileBytes.Failure> {
        path.withCString { whole in
            guard let slash = strrchr(whole, Int32(UInt8(ascii: "/"))), slash[1] != 0 else {
                return FileBytes.read(path, limit: limit)
            }
            // The folder's path: up to the last slash, or "/" itself.
            let length = max(whole.distance(to: slash), 1)
            let sameFolder =
                descriptor >= 0 && folder.count == length
                && folder.withUnsafeBytes { memcmp($0.baseAddress!, whole, length) == 0 }
            if !sameFolder {
                if descriptor >= 0 { close(descriptor) }
                folder = Array(UnsafeRawBufferPointer(start: whole, count: length))
                descriptor = open(String(decoding: folder, as: UTF8.self), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            }
            // A folder that cannot be opened: the file is opened by its path, and the failure said as ever.
            guard descriptor >= 0 else { return FileBytes.read(path, limit: limit) }
            let file = openat(descriptor, slash + 1, FileBytes.openFlags)
            return FileBytes.read(path, limit: limit, opened: file, error: file < 0 ? errno : 0)
        }
    }
}
