// The applicant portal's only script, served from the portal's own origin (the CSP allows no other). Everything works
// without it; with it: a live character counter where Annex 1 sets a length, and uploads with a progress bar.
(function () {
  'use strict';

  // Characters as a reader counts them, as the server does (FormRules.length: code points, not UTF-16 units).
  function length(text) {
    return Array.from(text).length;
  }

  function counters() {
    document.querySelectorAll('[data-count-max]').forEach(function (input) {
      var counter = document.getElementById(input.id + '-count');
      if (!counter) {
        return;
      }
      var max = parseInt(input.getAttribute('data-count-max'), 10);
      var template = counter.getAttribute('data-template') || '{n} / {max}';
      var update = function () {
        var n = length(input.value);
        counter.textContent = template.replace('{n}', n).replace('{max}', max);
        counter.classList.toggle('over', n > max);
      };
      input.addEventListener('input', update);
      update();
    });
  }

  // The upload with progress: the same form, sent by XMLHttpRequest (same origin, the form's CSRF field included). The
  // page the server answers with replaces the attachments section, and the file choices of the step's form get the new
  // file, so nothing typed on the page is lost.
  function uploads() {
    var form = document.querySelector('form.upload');
    if (!form || !window.FormData || !window.DOMParser) {
      return;
    }
    form.addEventListener('submit', function (event) {
      var file = form.querySelector('input[type=file]');
      if (!file || !file.files || file.files.length === 0) {
        return; // the server says what is missing
      }
      event.preventDefault();
      var progress = document.getElementById('upload-progress');
      var status = document.getElementById('upload-status');
      var button = form.querySelector('button[type=submit]');
      progress.hidden = false;
      progress.value = 0;
      status.textContent = progress.getAttribute('data-uploading');
      button.disabled = true;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          progress.value = Math.round(100 * e.loaded / e.total);
        }
      });
      xhr.addEventListener('load', function () {
        if (xhr.status !== 200) {
          failed();
          return;
        }
        var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        var fresh = page.getElementById('attachments');
        if (!fresh) {
          failed();
          return;
        }
        document.querySelectorAll('select.file-select').forEach(function (select) {
          var updated = page.getElementById(select.id);
          if (updated) {
            var chosen = select.value;
            select.innerHTML = updated.innerHTML;
            select.value = chosen;
          }
        });
        var said = page.querySelector('main .message, main #errors');
        document.getElementById('attachments').replaceWith(fresh);
        uploads();
        var newStatus = document.getElementById('upload-status');
        if (newStatus && said) {
          newStatus.textContent = said.textContent.replace(/\s+/g, ' ').trim();
        }
        var focus = document.getElementById('file-error') ? document.getElementById('file') : newStatus;
        if (focus) {
          focus.setAttribute('tabindex', focus.id === 'file' ? '0' : '-1');
          focus.focus();
        }
      });
      xhr.addEventListener('error', failed);
      function failed() {
        progress.hidden = true;
        button.disabled = false;
        status.textContent = progress.getAttribute('data-failed');
      }
      xhr.send(new FormData(form));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    counters();
    uploads();
  });
}());
