/// A dashboard binding: the keys, the command, the screens where it works, whether the hint bar
/// shows it, and whether it changes data.
public typealias KeyBinding = Binding<Command>
