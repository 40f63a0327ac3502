import Foundation

/// Colour differences for palette tests: sRGB → CIELAB (D65), CIEDE2000, and simulated colour vision
/// deficiency.
public enum ColourDifference {
    /// `#rrggbb` as sRGB components in 0…1; nil when malformed.
    public static func rgb(_ hex: String) -> (Double, Double, Double)? {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        return (Double((value >> 16) & 0xff) / 255, Double((value >> 8) & 0xff) / 255, Double(value & 0xff) / 255)
    }

    /// The sRGB transfer function undone: gamma-encoded component → linear light (IEC 61966-2-1).
    static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }

    /// Machado, Oliveira & Fernandes's simulation of deuteranopia at severity 1.0 ("A Physiologically-based
    /// Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 2009, doi:10.1109/TVCG.2009.113),
    /// applied to linear RGB and clamped to 0…1.
    public static let deuteranopia: [[Double]] = [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]

    /// CIELAB (D65 white) of linear RGB.
    static func lab(linear l: (Double, Double, Double)) -> (Double, Double, Double) {
        let x = 0.4124564 * l.0 + 0.3575761 * l.1 + 0.1804375 * l.2
        let y = 0.2126729 * l.0 + 0.7151522 * l.1 + 0.0721750 * l.2
        let z = 0.0193339 * l.0 + 0.1191920 * l.1 + 0.9503041 * l.2
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        let fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883)
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }

    /// CIELAB of an sRGB colour, in normal vision or as simulated by `matrix` (e.g. ``deuteranopia``).
    public static func lab(_ hex: String, simulating matrix: [[Double]]? = nil) -> (Double, Double, Double)? {
        guard let c = rgb(hex) else { return nil }
        var l = [linear(c.0), linear(c.1), linear(c.2)]
        if let m = matrix {
            l = (0..<3).map { i in min(1, max(0, m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2])) }
        }
        return lab(linear: (l[0], l[1], l[2]))
    }

    /// The CIEDE2000 colour difference ΔE₀₀ of two CIELAB colours, with kL = kC = kH = 1 (Sharma, Wu &
    /// Dalal, "The CIEDE2000 color-difference formula: implementation notes, supplementary test data,
    /// and mathematical observations", Color Res. Appl. 30(1), 2005, doi:10.1002/col.20070).
    /// - Complexity: O(1).
    public static func ciede2000(_ c1: (Double, Double, Double), _ c2: (Double, Double, Double)) -> Double {
        let (l1, a1, b1) = c1, (l2, a2, b2) = c2
        func deg(_ r: Double) -> Double { r * 180 / .pi }
        func rad(_ d: Double) -> Double { d * .pi / 180 }
        let cBar = (hypot(a1, b1) + hypot(a2, b2)) / 2
        let g = 0.5 * (1 - sqrt(pow(cBar, 7) / (pow(cBar, 7) + pow(25, 7))))
        let a1p = (1 + g) * a1, a2p = (1 + g) * a2
        let c1p = hypot(a1p, b1), c2p = hypot(a2p, b2)
        func hue(_ b: Double, _ a: Double) -> Double {
            if a == 0 && b == 0 { return 0 }
            let h = deg(atan2(b, a))
            return h < 0 ? h + 360 : h
        }
        let h1p = hue(b1, a1p), h2p = hue(b2, a2p)
        let dL = l2 - l1, dC = c2p - c1p
        var dh = 0.0
        if c1p * c2p != 0 {
            dh = h2p - h1p
            if dh > 180 { dh -= 360 } else if dh < -180 { dh += 360 }
        }
        let dH = 2 * sqrt(c1p * c2p) * sin(rad(dh / 2))
        let lBar = (l1 + l2) / 2, cBarP = (c1p + c2p) / 2
        var hBar = h1p + h2p
        if c1p * c2p != 0 {
            if abs(h1p - h2p) <= 180 {
                hBar = (h1p + h2p) / 2
            } else if h1p + h2p < 360 {
                hBar = (h1p + h2p + 360) / 2
            } else {
                hBar = (h1p + h2p - 360) / 2
            }
        }
        let t = 1 - 0.17 * cos(rad(hBar - 30)) + 0.24 * cos(rad(2 * hBar)) + 0.32 * cos(rad(3 * hBar + 6)) - 0.20 * cos(rad(4 * hBar - 63))
        let dTheta = 30 * exp(-pow((hBar - 275) / 25, 2))
        let rC = 2 * sqrt(pow(cBarP, 7) / (pow(cBarP, 7) + pow(25, 7)))
        let sL = 1 + 0.015 * pow(lBar - 50, 2) / sqrt(20 + pow(lBar - 50, 2))
        let sC = 1 + 0.045 * cBarP, sH = 1 + 0.015 * cBarP * t
        let rT = -sin(rad(2 * dTheta)) * rC
        return sqrt(pow(dL / sL, 2) + pow(dC / sC, 2) + pow(dH / sH, 2) + rT * (dC / sC) * (dH / sH))
    }

    /// ΔE₀₀ between two sRGB colours, in normal vision or as simulated by `matrix`.
    public static func difference(_ a: String, _ b: String, simulating matrix: [[Double]]? = nil) -> Double {
        guard let la = lab(a, simulating: matrix), let lb = lab(b, simulating: matrix) else { return .nan }
        return ciede2000(la, lb)
    }
}
