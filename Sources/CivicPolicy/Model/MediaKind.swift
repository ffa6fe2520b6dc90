/// The pictures a post may attach: the raster formats every platform takes and no browser
/// runs code in. An SVG or HTML file served from the city's site would run its scripts as the
/// city's own.
public enum MediaKind {
    /// File name endings, in lower case.
    public static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]

    /// Whether the path ends in one of ``extensions`` (any case).
    public static func isPicture(path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// Whether the bytes start as a PNG, JPEG, GIF or WebP file does: a file is served only
    /// when its contents agree with its name.
    public static func isPicture(bytes: [UInt8]) -> Bool {
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + signature.count && bytes[offset..<(offset + signature.count)].elementsEqual(signature)
        }
        return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])  // PNG
            || starts([0xFF, 0xD8, 0xFF])  // JPEG
            || starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8))
            || (starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8))
    }
}
