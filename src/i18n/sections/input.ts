import type { Section } from './section.ts';

/** What people and programs are told when what they sent cannot be taken as it is. */
const en = {
  'input.error.controlCharacters': 'The form contains characters that cannot be saved: invisible control characters or broken text. Retype the text instead of pasting it and try again.',
  'input.error.multipartMalformed': 'The upload arrived incomplete or damaged. Choose the files again and send the form once more.',
  'input.error.invalidId': 'The address names a record by an identifier that is not valid.',
};

export const input: Section<typeof en> = {
  en,
  ru: {
    'input.error.controlCharacters': 'В форме есть символы, которые нельзя сохранить: невидимые управляющие символы или повреждённый текст. Наберите текст заново, а не вставляйте его, и попробуйте ещё раз.',
    'input.error.multipartMalformed': 'Загрузка пришла неполной или повреждённой. Выберите файлы заново и отправьте форму ещё раз.',
    'input.error.invalidId': 'В адресе указан недопустимый идентификатор записи.',
  },
  kk: {
    'input.error.controlCharacters': 'Пішінде сақтауға болмайтын таңбалар бар: көрінбейтін басқару таңбалары немесе бүлінген мәтін. Мәтінді қоймай, қайта теріп, тағы көріңіз.',
    'input.error.multipartMalformed': 'Жүктеу толық емес немесе бүлінген күйде келді. Файлдарды қайта таңдап, пішінді тағы бір рет жіберіңіз.',
    'input.error.invalidId': 'Мекенжайда жазбаның жарамсыз идентификаторы көрсетілген.',
  },
};
