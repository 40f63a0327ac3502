import Foundation

/// Reading an input file's bytes, with failures as ``FormatError/unreadable(file:reason:)`` and a
/// reason in plain words ("no such file", "permission denied", "it is a directory").
public enum InputFile {
    /// The bytes of the file at `url`.
    ///
    /// - Parameter mapped: map the file rather than copy it (for the large plain edge lists).
    /// - Throws: ``FormatError/unreadable(file:reason:)``.
    /// - Complexity: O(n) for n bytes.
    public static func bytes(_ url: URL, mapped: Bool = false) throws(FormatError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .unreadable(file: url.path, reason: "it is a directory, not a file")
        }
        do {
            return [UInt8](try Data(contentsOf: url, options: mapped ? .alwaysMapped : []))
        } catch {
            throw .unreadable(file: url.path, reason: reason(error))
        }
    }

    /// A failure to read a file, in plain words rather than an `NSError` dump.
    public static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        var posix: Int32?
        if ns.domain == NSPOSIXErrorDomain { posix = Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            posix = Int32(underlying.code)
        }
        switch posix {
        case ENOENT?: return "no such file"
        case EACCES?, EPERM?: return "permission denied"
        case EISDIR?: return "it is a directory, not a file"
        case ENOTDIR?: return "a part of the path is not a directory"
        case ELOOP?: return "too many symbolic links"
        case ENAMETOOLONG?: return "the name is too long"
        case EIO?: return "an input/output error"
        default: break
        }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            case NSFileReadTooLargeError: return "the file is too large to read"
            case NSFileReadInvalidFileNameError: return "the file name is not valid"
            default: break
            }
        }
        if let posix, let text = strerror(posix) { return String(cString: text).lowercased() }
        return "the file could not be read"
    }
}
