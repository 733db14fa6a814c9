import { WorkingIntervalResponseDto } from './working-interval.response.dto';

export class WorkingHoursResponseDto {
  mon: WorkingIntervalResponseDto[];
  tue: WorkingIntervalResponseDto[];
  wed: WorkingIntervalResponseDto[];
  thu: WorkingIntervalResponseDto[];
  fri: WorkingIntervalResponseDto[];
  sat: WorkingIntervalResponseDto[];
  sun: WorkingIntervalResponseDto[];
}
