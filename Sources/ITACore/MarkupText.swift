extension String {
    /// Text for HTML or XML: `& < > " '` escaped, and dropped what neither may carry or a reader
    /// should not get — control characters (but line breaks and tabs), U+FFFE/U+FFFF, and format
    /// characters such as bidirectional overrides (the joiners ZWJ and ZWNJ, which emoji and some
    /// scripts need, are kept).
    public var markupEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let category = scalar.properties.generalCategory
                if category == .control || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                if category == .format && scalar.value != 0x200D && scalar.value != 0x200C { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
