import { describe, expect, it } from 'vitest';
import { htmlToMarkup, toggleMark } from './markup';

describe('Ctrl+B / Ctrl+I', () => {
  it('wraps the selection, keeping edge spaces outside', () => {
    const e = toggleMark('Mục đích yêu cầu', 4, 8, '**');
    expect(e.text).toBe('Mục **đích** yêu cầu');
    expect(e.text.slice(e.selectionStart, e.selectionEnd)).toBe('đích');
  });

  it('unwraps an already bold selection', () => {
    const on = toggleMark('a bold b', 2, 6, '**');
    const off = toggleMark(on.text, on.selectionStart, on.selectionEnd, '**');
    expect(off.text).toBe('a bold b');
  });

  it('italic uses one star', () => {
    expect(toggleMark('x y', 2, 3, '*').text).toBe('x *y*');
  });
});

describe('paste from Word', () => {
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head>
    <body><!--StartFragment--><p class=MsoNormal><b><span style='font-size:14pt'>I. MỤC ĐÍCH,</span></b><b> YÊU CẦU<o:p></o:p></b></p>
    <p class=MsoNormal style='text-indent:1cm'><span style='font-family:"Times New Roman"'>Tạo sự <i>chuyển biến</i> rõ nét
    trong   sinh hoạt chi bộ.<o:p></o:p></span></p>
    <p class=MsoNormal><span style='font-weight:bold'>Đậm qua style</span> và <span style="font-style:italic">nghiêng</span></p>
    <p class=MsoNormal><o:p>&nbsp;</o:p></p>
    <ul><li>Một</li><li>Hai</li></ul><!--EndFragment--></body></html>`;

  it('keeps paragraphs, bold and italic and drops the rest', () => {
    expect(htmlToMarkup(word)).toBe(
      [
        '**I. MỤC ĐÍCH, YÊU CẦU**',
        'Tạo sự *chuyển biến* rõ nét trong sinh hoạt chi bộ.',
        '**Đậm qua style** và *nghiêng*',
        '- Một',
        '- Hai',
      ].join('\n\n'),
    );
  });

  it('plain web text stays plain', () => {
    expect(htmlToMarkup('<div>Một dòng</div><div>Dòng hai</div>')).toBe('Một dòng\n\nDòng hai');
  });
});
