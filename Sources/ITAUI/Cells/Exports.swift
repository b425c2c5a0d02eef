/// The cells and input types live in ITACells, below the terminal layer; everything that imports
/// ITAUI sees them as before.
@_exported import ITACells
