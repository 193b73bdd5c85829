package dev.techtrends.charts;

/** Light or dark: background, text, grid, and the band behind every other tier. */
public enum ChartTheme {
    LIGHT("#ffffff", "#1f2328", "#d0d7de", "#eef1f4"),
    DARK("#0d1117", "#e6edf3", "#30363d", "#1a2029");

    final String background;
    final String text;
    final String grid;
    final String band;

    ChartTheme(String background, String text, String grid, String band) {
        this.background = background;
        this.text = text;
        this.grid = grid;
        this.band = band;
    }
}
