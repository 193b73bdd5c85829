// Progressive enhancement only: every page works without this file.
// Choosing a quarter or a preset applies it at once; typing custom weights selects "custom";
// the compare picker stops at 10 technologies, as the API does; the badge's Markdown gets this site's address.
document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form.controls')) {
    const preset = form.querySelector('select[name="preset"]');
    const weights = form.querySelector('input[name="weights"]');
    for (const select of form.querySelectorAll('select[name="asOf"], select[name="preset"]')) {
      select.addEventListener('change', () => {
        if (select === preset && preset.value !== '' && weights) {
          weights.value = '';
        }
        if (select !== preset || preset.value !== '') {
          form.requestSubmit();
        }
      });
    }
    if (preset && weights) {
      weights.addEventListener('input', () => { preset.value = ''; });
    }
  }
  const boxes = [...document.querySelectorAll('.picker input[type="checkbox"]')];
  const limit = () => {
    const full = boxes.filter((box) => box.checked).length >= 10;
    for (const box of boxes) {
      box.disabled = full && !box.checked;
    }
  };
  boxes.forEach((box) => box.addEventListener('change', limit));
  limit();
  // The page is cached for every host name it is reached by, so the server writes site-relative links.
  for (const markdown of document.querySelectorAll('textarea[data-site-relative]')) {
    markdown.value = markdown.value.replaceAll('](/', `](${location.origin}/`);
  }
});
