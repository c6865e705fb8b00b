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

  it('underline uses two underscores, and takes them off again', () => {
    const on = toggleMark('Kính gửi các chi bộ', 9, 19, '__');
    expect(on.text).toBe('Kính gửi __các chi bộ__');
    expect(toggleMark(on.text, on.selectionStart, on.selectionEnd, '__').text).toBe('Kính gửi các chi bộ');
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

  it('keeps underline, with bold inside it, and leaves a blank line to fill in as text', () => {
    const html = `<p class=MsoNormal>Đề nghị <u>các chi bộ</u> và <b><u>Văn phòng</u></b>
      <span style='text-decoration:underline'>Đảng ủy</span>; ký: <u>________</u></p>
      <p><span style="text-underline:single">Lưu ý</span> <span style="text-decoration:none">thường</span></p>`;
    expect(htmlToMarkup(html)).toBe(
      ['Đề nghị __các chi bộ__ và __**Văn phòng**__ __Đảng ủy__; ký: ________', '__Lưu ý__ thường'].join('\n\n'),
    );
  });

  it('plain web text stays plain', () => {
    expect(htmlToMarkup('<div>Một dòng</div><div>Dòng hai</div>')).toBe('Một dòng\n\nDòng hai');
  });
});
