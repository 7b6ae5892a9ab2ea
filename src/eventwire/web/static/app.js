// The dashboard's only script: fill the article box from an uploaded text file.
// Everything else works with plain forms and links.
document.addEventListener("DOMContentLoaded", () => {
  const upload = document.getElementById("upload");
  const text = document.getElementById("text");
  if (!upload || !text) return;
  upload.addEventListener("change", () => {
    const file = upload.files && upload.files[0];
    if (!file) return;
    file.text().then((content) => { text.value = content; });
  });
});
