package dev.techtrends.charts;

/** Light or dark: background, text, grid. */
public enum ChartTheme {
    LIGHT("#ffffff", "#1f2328", "#d0d7de"),
    DARK("#0d1117", "#e6edf3", "#30363d");

    final String background;
    final String text;
    final String grid;

    ChartTheme(String background, String text, String grid) {
        this.background = background;
        this.text = text;
        this.grid = grid;
    }
}
