/**
 * Upload progress for the attachments page: the same form, sent by XMLHttpRequest so the
 * browser reports progress. The server answers as it would to the plain form (a redirect to
 * the page with the new files, or the page with an error), and the person lands where the
 * plain form would have taken them.
 */
const form = document.querySelector<HTMLFormElement>('form[data-upload]');

if (form) {
  const progress = form.querySelector<HTMLElement>('[data-upload-progress]');
  const bar = progress?.querySelector('progress');
  form.addEventListener('submit', (event) => {
    const input = form.querySelector<HTMLInputElement>('input[type=file]');
    if (!input?.files?.length || !progress || !bar) return;
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    request.addEventListener('load', () => {
      // Saved: the server redirected to the page listing the files, so go there. Refused: show its answer.
      if (request.status < 300 && request.responseURL !== form.action) {
        window.location.assign(request.responseURL);
        return;
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', () => form.submit());
    progress.hidden = false;
    form.querySelector('button')?.setAttribute('disabled', '');
    request.send(new FormData(form));
  });
}
