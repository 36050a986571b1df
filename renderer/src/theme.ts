import type { ThemeConfig } from 'antd';

export const PRIMARY = '#0b5aa2';

export const FONT_STACK = '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/** A calm, professional look: VSS blue, neutral greys, roomy controls. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorLink: PRIMARY,
    fontFamily: FONT_STACK,
    fontSize: 14,
    borderRadius: 6,
    colorBgLayout: '#f2f5f9',
    colorInfoBg: '#eef5fc',
    colorInfoBorder: '#b8d2ec',
  },
  components: {
    Layout: {
      headerBg: PRIMARY,
      headerHeight: 56,
      headerPadding: '0 20px',
      siderBg: '#ffffff',
      bodyBg: '#f2f5f9',
    },
    Menu: {
      itemSelectedBg: '#e3eefa',
      itemSelectedColor: PRIMARY,
      itemHeight: 42,
      itemMarginInline: 8,
      iconSize: 16,
    },
    Table: {
      headerBg: '#f5f8fc',
      headerColor: '#1f2d3d',
    },
    Tree: {
      nodeSelectedBg: '#d6e6f7',
      nodeHoverBg: '#eef4fb',
      titleHeight: 28,
    },
    Card: {
      headerFontSize: 15,
    },
  },
};
