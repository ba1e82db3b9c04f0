#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads many files as `FileBytes.read` does, keeping the folder of the last one open: a file in the same folder is
/// opened by its name there (`openat`), not by its whole path, which the kernel would walk again, folder by folder,
/// for every file (and two cores walking the same folders at once contend for them). One reader for each task: it
/// is not shared.
///
/// And a file is read at once into room the reader keeps, without asking first what it is and how big (`fstat`,
/// a tenth of the kernel's work for a file): a regular file read short has been read whole. A read that fills the
/// room, reads nothing or fails (a named pipe or a terminal cannot be read at an offset, a folder cannot be read) is
/// left to `FileBytes.read`, which asks and refuses what is not a regular file, as ever.
public final class FolderReader {
    /// The folder open, as its path's bytes, and its descriptor (-1 when none is).
    private var folder: [UInt8] = []
    private var descriptor: Int32 = -1
    /// The room a file is read into first.
    private let room = UnsafeMutableRawBufferPointer.allocate(byteCount: FolderReader.roomSize, alignment: 16)

    /// The bytes of `room`: more than any submission is expected to hold.
    static let roomSize = 1 << 16

    /// A reader with no folder open yet.
    public init() {}

    deinit {
        if descriptor >= 0 { close(descriptor) }
        room.deallocate()
    }

    /// The file's bytes and size, or why it cannot be read, as `FileBytes.read(_:limit:)` says; but a file the system
    /// gives a size of 0 although it holds bytes (as under `/proc`) is read, where `FileBytes.read` reads it as empty.
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
            guard file >= 0 else { return FileBytes.read(path, limit: limit, opened: file, error: errno) }
            let count = pread(file, room.baseAddress!, room.count, 0)
            guard count > 0, count < room.count, count <= limit else {
                return FileBytes.read(path, limit: limit, opened: file, error: 0)
            }
            close(file)
            let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: room.baseAddress!, byteCount: count)
                initialized = count
            }
            return .success((bytes, count))
        }
    }
}
